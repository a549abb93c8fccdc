package org.carrierhost.host.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A number acquired, disconnected or imported, or an attempt that failed.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param time    when it happened
 * @param actor   who asked
 * @param action  what was asked
 * @param target  the number (or, for an import, the carrier)
 * @param carrier the carrier it went through, or null when it was not known
 * @param outcome what came of it, for example {@code in_service} or {@code 12 added, 0 present, 1 invalid}
 * @param error   why it failed, or null when it succeeded
 */
public record NumberEvent(Instant time, String actor, NumberAction action, String target, String carrier, String outcome,
                          String error) implements HostEvent {

    public NumberEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
    }

    /** A success, now. */
    public static NumberEvent ok(String actor, NumberAction action, String target, String carrier, String outcome) {
        return new NumberEvent(Instant.now(), actor, action, target, carrier, outcome, null);
    }

    /** A failure, now. */
    public static NumberEvent failed(String actor, NumberAction action, String target, String carrier, String error) {
        return new NumberEvent(Instant.now(), actor, action, target, carrier, null, error == null ? "failed" : error);
    }

    /** Whether it succeeded. */
    public boolean succeeded() {
        return error == null;
    }

    /**
     * A number acquired or disconnected: the registry wrote its history row (actor, time, from and to) in the commit
     * that changed its state, and that commit was on disk before this was raised.
     */
    @Override
    public boolean recordedOnDisk() {
        return succeeded() && (action == NumberAction.ACQUIRE || action == NumberAction.DISCONNECT);
    }

    @Override
    public Optional<Event> auditEntry() {
        String shown = succeeded() && outcome != null
                ? target + (carrier == null ? "" : " via " + carrier) + " -> " + outcome
                : target;
        if (action == NumberAction.IMPORT && succeeded()) {
            shown = target + ": " + outcome;
        }
        String filedUnder = carrier != null ? carrier : action == NumberAction.IMPORT ? target : null;
        return Optional.of(new Event(time, actor, action.wireName(), shown, succeeded() ? Event.OK : Event.FAILED, error,
                filedUnder));
    }
}
