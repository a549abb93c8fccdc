package org.carrierhost.host.events;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A node removed from the cluster view: by an operator ({@code DELETE /api/cluster/nodes/{id}}), or forgotten
 * once it had been down for {@code cluster.forget_after_ms}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param time     when it happened
 * @param actor    who did it: {@code api:<token name>}, or {@code cluster} for a node forgotten
 * @param action   what was done
 * @param node     the node removed
 * @param lastSeen its last heartbeat
 */
public record NodeEvent(Instant time, String actor, Action action, String node, Instant lastSeen) implements HostEvent {

    /** What was done to the node. */
    public enum Action {
        /** An operator removed it. */
        REMOVE_NODE,
        /** It was down for longer than {@code cluster.forget_after_ms}. */
        FORGET_NODE;

        /** The name the audit log and the API use. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public NodeEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    @Override
    public Optional<Event> auditEntry() {
        return Optional.of(new Event(time, actor, action.wireName(), node + " (last heartbeat " + lastSeen + ")", Event.OK,
                null, null));
    }
}
