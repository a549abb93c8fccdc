package org.carrierhost.host.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit and lifecycle log.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param time   when it happened
 * @param actor  who did it: {@code startup}, {@code watcher}, or {@code api:<token name>}
 * @param action what was done, for example {@code load}, {@code enable}, {@code acquire}
 * @param target what it was done to: a carrier id, a file, or a number
 * @param result {@code ok} or {@code failed}
 * @param error   why it failed, or null
 * @param carrier the carrier (or, for a zip that never loaded, the file name) it concerns, or null
 * @param node    the cluster node ({@code cluster.node_id}) it happened on; null until the log stamps it
 */
public record Event(Instant time, String actor, String action, String target, String result, String error, String carrier,
                    String node) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public Event {
        // Milliseconds, as the log stores it: an entry streamed live and the same entry read back are equal.
        time = Objects.requireNonNull(time, "time").truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(result, "result");
    }

    /** An entry about one carrier, not yet stamped with its node. */
    public Event(Instant time, String actor, String action, String target, String result, String error, String carrier) {
        this(time, actor, action, target, result, error, carrier, null);
    }

    /** An entry that concerns no one carrier, not yet stamped with its node. */
    public Event(Instant time, String actor, String action, String target, String result, String error) {
        this(time, actor, action, target, result, error, null);
    }

    /** This entry, stamped with {@code node} unless it already names one. */
    public Event stampedWith(String node) {
        return this.node != null ? this : new Event(time, actor, action, target, result, error, carrier, node);
    }

    /** A success, now. */
    public static Event ok(String actor, String action, String target) {
        return new Event(Instant.now(), actor, action, target, OK, null);
    }

    /** A failure, now. */
    public static Event failed(String actor, String action, String target, String error) {
        return new Event(Instant.now(), actor, action, target, FAILED, error);
    }
}
