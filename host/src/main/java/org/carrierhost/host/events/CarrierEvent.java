package org.carrierhost.host.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A lifecycle step or an operator's action on a carrier or a plugin file.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param time   when it happened
 * @param actor  who did it: {@code startup}, {@code watcher}, {@code shutdown} or {@code api:<token name>}
 * @param action what was done
 * @param target the carrier (with its version where one applies) or the file; its first word is the carrier
 *               (or the file) the audit log files it under
 * @param error  why it failed, or null when it succeeded
 * @param took   how long it took, for an operator's action (a reload, say); null when not measured
 */
public record CarrierEvent(Instant time, String actor, CarrierAction action, String target, String error, Duration took)
        implements HostEvent {

    /** An event whose duration is not measured. */
    public CarrierEvent(Instant time, String actor, CarrierAction action, String target, String error) {
        this(time, actor, action, target, error, null);
    }

    public CarrierEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
    }

    /** A success, now. */
    public static CarrierEvent ok(String actor, CarrierAction action, String target) {
        return new CarrierEvent(Instant.now(), actor, action, target, null);
    }

    /** A failure, now. */
    public static CarrierEvent failed(String actor, CarrierAction action, String target, String error) {
        return new CarrierEvent(Instant.now(), actor, action, target, error == null ? "failed" : error);
    }

    /** This event, saying it took {@code duration}. */
    public CarrierEvent lasting(Duration duration) {
        return new CarrierEvent(time, actor, action, target, error, duration);
    }

    /** Whether it succeeded. */
    public boolean succeeded() {
        return error == null;
    }

    @Override
    public Optional<Event> auditEntry() {
        String carrier = action == CarrierAction.SCAN ? null : target.split(" ", 2)[0];
        return Optional.of(new Event(time, actor, action.wireName(), target, succeeded() ? Event.OK : Event.FAILED, error, carrier));
    }
}
