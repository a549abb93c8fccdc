package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Path;
import java.util.List;

import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.call.BreakerView;
import org.carrierhost.host.plugins.call.CarrierStats;
import org.carrierhost.host.plugins.ProcessFacts;
import org.carrierhost.host.plugins.trust.TrustVerdict;

/**
 * A carrier as the API and the console show it; or a zip that never loaded, listed under its file name.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id         the carrier (plugin) id; for a zip that never loaded, its file name
 * @param facts      version, description, provider and flags, or null when it never loaded
 * @param state      its state
 * @param file       the zip it serves (or last tried) from, or null
 * @param error      its latest failure, or null
 * @param stats      its call figures
 * @param inFlight   calls running on its serving version now
 * @param breaker    its circuit breaker and bulkhead
 * @param source     where its zip came from: this host's directory, or the cluster
 * @param sha256     the SHA-256 of the zip its serving version was loaded from, or null when none serves
 * @param neverLoaded whether this is a zip that never loaded (its id unknown, or refused as a duplicate):
 *                   it can be retried or removed, nothing else
 * @param shadowed   the other zips of the id that do not serve because this one won the rule
 * @param keptAt     where a removal kept the operator's zip, in the answer to that removal; null otherwise
 * @param signature  the trust policy's verdict on the zip last judged for it, or null when none was
 * @param process    the process its serving version runs in, when it runs in one of its own; null otherwise
 */
public record CarrierView(String id, PluginFacts facts, CarrierState state, Path file, PluginFailure error,
                          CarrierStats.Snapshot stats, int inFlight, BreakerView breaker, CarrierSource source,
                          String sha256, boolean neverLoaded, List<ShadowedZip> shadowed, Path keptAt,
                          TrustVerdict signature, ProcessFacts process) {

    public CarrierView {
        shadowed = List.copyOf(shadowed);
    }

    /** This view, saying a removal kept the operator's zip at {@code path}. */
    public CarrierView keptAt(Path path) {
        return new CarrierView(id, facts, state, file, error, stats, inFlight, breaker, source, sha256, neverLoaded, shadowed, path, signature, process);
    }

    /** Whether it is enabled: every state but {@code DISABLED}. */
    public boolean enabled() {
        return state != CarrierState.DISABLED;
    }
}
