package org.carrierhost.host.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.carrierhost.api.ErrorCode;

/**
 * One call into a carrier finished: answered, failed, missed its deadline, or was refused by the
 * carrier's circuit breaker or bulkhead before it reached the plugin. Raised for every number call, so it
 * is not audited; metrics listen to it.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param time      when it finished
 * @param carrier   the carrier
 * @param operation which callback
 * @param error     the standard error it ended with, or null when it answered
 * @param duration  how long the caller waited for it
 * @param detail    the error's message and cause as one line, or null when it answered
 */
public record CallCompleted(Instant time, String carrier, CarrierOperation operation, ErrorCode error, Duration duration,
                            String detail) implements HostEvent {

    public CallCompleted {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(duration, "duration");
    }

    /** A call whose error, if any, comes without its message. */
    public CallCompleted(Instant time, String carrier, CarrierOperation operation, ErrorCode error, Duration duration) {
        this(time, carrier, operation, error, duration, null);
    }

    /** Whether the carrier answered. */
    public boolean succeeded() {
        return error == null;
    }

    @Override
    public Optional<Event> auditEntry() {
        return Optional.empty();
    }
}
