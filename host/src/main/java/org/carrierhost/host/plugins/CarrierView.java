package org.carrierhost.host.plugins;

import java.nio.file.Path;

/**
 * A carrier as the API and the console show it.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id          the carrier (plugin) id
 * @param facts       version, description, provider and flags, or null when it never loaded
 * @param state       PF4J's state name: {@code STARTED}, {@code DISABLED}, {@code FAILED}, {@code UNLOADED}
 * @param enabled     whether it is enabled (persisted)
 * @param file        the operator's zip, or null
 * @param error       its latest failure, or null
 * @param stats       its call figures
 * @param inFlight    calls running on its serving version now
 * @param breaker     its circuit breaker and bulkhead
 * @param source      where its zip came from: this host's directory, or the cluster
 * @param sha256      the SHA-256 of the zip its serving version was loaded from, or null when none serves
 */
public record CarrierView(String id, PluginFacts facts, String state, boolean enabled, Path file, PluginFailure error,
                          CarrierStats.Snapshot stats, int inFlight, BreakerView breaker, CarrierSource source,
                          String sha256) {
}
