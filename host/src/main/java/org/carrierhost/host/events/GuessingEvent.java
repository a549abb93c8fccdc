package org.carrierhost.host.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Wrong bearer tokens came to the API in one window of time: the aggregate audit entry of token guessing,
 * one row per window with any, however many guesses it held.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param time      when the window ended
 * @param window    how long it was
 * @param judged    wrong tokens answered {@code 401}
 * @param refused   wrong tokens answered {@code 429}: over the global budget or from an address backing off
 * @param addresses distinct client addresses they came from
 */
public record GuessingEvent(Instant time, Duration window, long judged, long refused, long addresses) implements HostEvent {

    public GuessingEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(window, "window");
    }

    @Override
    public Optional<Event> auditEntry() {
        return Optional.of(new Event(time, "http", "auth-failures", (judged + refused) + " wrong tokens from " + addresses
                + " addresses in " + window.toMillis() + " ms", Event.FAILED, judged + " answered 401, " + refused + " answered 429"));
    }
}
