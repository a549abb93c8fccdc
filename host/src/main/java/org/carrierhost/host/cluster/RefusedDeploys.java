package org.carrierhost.host.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.carrierhost.host.events.CarrierState;

/**
 * The zips another host installed that this host refused to deploy (its trust policy refused the signature, or
 * the zip failed to load here), by carrier, so that its heartbeat tells the cluster: until a later install of that
 * carrier deploys here, or the carrier is removed.
 *
 * <p>Thread-safe: a concurrent map of immutable values.
 */
final class RefusedDeploys {

    private final Map<String, NodeCarrier> byCarrier = new ConcurrentHashMap<>();

    /** This host refused {@code plugin}'s zip for {@code reason}. */
    void refused(StoredPlugin plugin, String reason) {
        byCarrier.put(plugin.carrier(), new NodeCarrier(plugin.carrier(), plugin.version(), CarrierState.FAILED.wireName(), false,
                "cluster", plugin.sha256(), reason));
    }

    /** {@code carrier}'s zip deployed here, or the carrier was removed: nothing refused stands for it. */
    void forget(String carrier) {
        byCarrier.remove(carrier);
    }

    /**
     * {@code here}, this host's carriers, with each refusal added: on the carrier still serving an older version,
     * or as a carrier of its own where none serves.
     */
    List<NodeCarrier> addTo(List<NodeCarrier> here) {
        if (byCarrier.isEmpty()) {
            return here;
        }
        List<NodeCarrier> all = new ArrayList<>();
        for (NodeCarrier c : here) {
            NodeCarrier refusal = byCarrier.get(c.id());
            all.add(refusal == null || c.refused() != null ? c
                    : new NodeCarrier(c.id(), c.version(), c.state(), c.enabled(), c.source(), c.sha256(), refusal.refused()));
        }
        byCarrier.forEach((id, refusal) -> {
            if (here.stream().noneMatch(c -> c.id().equals(id))) {
                all.add(refusal);
            }
        });
        return all;
    }
}
