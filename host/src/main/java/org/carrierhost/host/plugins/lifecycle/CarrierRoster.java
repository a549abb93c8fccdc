package org.carrierhost.host.plugins.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrierhost.api.CarrierCapabilities;

/**
 * The carriers as they stood at one moment, read once from the table: which serve, which are known, which
 * are local. A search round works from one roster, so it never sees the table change between two reads.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param serving the ids of the carriers that served, sorted
 * @param known   the ids of every carrier listed
 * @param local   the ids of the carriers that are local, as their last loaded version said
 * @param notConfigured the serving carriers whose serving version lacked required settings when it loaded, with
 *                      those keys (within the carrier's section), by id
 * @param capabilities  what each serving carrier's serving version said its search can answer, by id
 */
public record CarrierRoster(List<String> serving, Set<String> known, Set<String> local,
                            Map<String, List<String>> notConfigured, Map<String, CarrierCapabilities> capabilities) {

    public CarrierRoster {
        serving = List.copyOf(serving);
        known = Set.copyOf(known);
        local = Set.copyOf(local);
        notConfigured = Map.copyOf(notConfigured);
        capabilities = Map.copyOf(capabilities);
    }

    /** What carrier {@code id}'s search can answer; a prefix search when it did not say. */
    public CarrierCapabilities capabilities(String id) {
        return capabilities.getOrDefault(id, CarrierCapabilities.prefixOnly());
    }

    /** The required settings serving carrier {@code id} lacks; empty when it is configured. */
    public List<String> missingSettings(String id) {
        return notConfigured.getOrDefault(id, List.of());
    }

    /** Whether {@code id} was listed. */
    public boolean knows(String id) {
        return known.contains(id);
    }

    /** Whether {@code id} is local. */
    public boolean local(String id) {
        return local.contains(id);
    }
}
