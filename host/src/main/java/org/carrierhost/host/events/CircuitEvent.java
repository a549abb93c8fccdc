package org.carrierhost.host.events;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A carrier's circuit breaker changed state: it opened after repeated failures, half-opened to probe, or
 * closed again.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param time    when it happened
 * @param carrier the carrier
 * @param from    the state it left: {@code closed}, {@code open}, {@code half_open}, ...
 * @param to      the state it entered
 * @param reason  the figures that moved it, for example {@code failure rate 60% over 10 calls}
 */
public record CircuitEvent(Instant time, String carrier, String from, String to, String reason) implements HostEvent {

    public CircuitEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public Optional<Event> auditEntry() {
        String action = "circuit-" + to.toLowerCase(Locale.ROOT).replace('_', '-');
        return Optional.of(new Event(time, "breaker", action, carrier + " " + from + " -> " + to
                + (reason == null ? "" : " (" + reason + ")"), Event.OK, null, carrier));
    }
}
