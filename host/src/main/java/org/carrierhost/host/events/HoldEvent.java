package org.carrierhost.host.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A hold created, extended, expired, released or consumed, or an attempt that failed.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param time    when it happened
 * @param actor   who asked, or {@code reaper}
 * @param action  what happened
 * @param holdId  the hold
 * @param carrier the carrier of its (first) number, or null
 * @param detail  its account, numbers and end, for people
 * @param error   why it failed, or null when it succeeded
 */
public record HoldEvent(Instant time, String actor, HoldAction action, String holdId, String carrier, String detail, String error)
        implements HostEvent {

    public HoldEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(holdId, "holdId");
    }

    /** A success, now. */
    public static HoldEvent ok(String actor, HoldAction action, String holdId, String carrier, String detail) {
        return new HoldEvent(Instant.now(), actor, action, holdId, carrier, detail, null);
    }

    /** A failure, now. */
    public static HoldEvent failed(String actor, HoldAction action, String holdId, String carrier, String error) {
        return new HoldEvent(Instant.now(), actor, action, holdId, carrier, null, error == null ? "failed" : error);
    }

    @Override
    public Optional<Event> auditEntry() {
        return Optional.of(new Event(time, actor, action.wireName(), detail == null ? holdId : holdId + ": " + detail,
                error == null ? Event.OK : Event.FAILED, error, carrier));
    }
}
