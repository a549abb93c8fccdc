package org.carrierhost.host.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A carrier moved from one {@link CarrierState} to another (or swapped to a new generation: {@code STARTED}
 * to {@code STARTED}). The lifecycle raises exactly one per transition, from the one place that writes a
 * carrier's state. The audit log keeps the steps and the operator's action ({@link CarrierEvent}) instead,
 * so this event adds no row: it is for listeners (metrics, tests, an embedding platform).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param time    when the carrier reached {@code to}
 * @param carrier the carrier id
 * @param from    the state it left
 * @param to      the state it reached
 * @param actor   who asked: {@code startup}, {@code watcher}, {@code api:<token>}, {@code cluster:<node>}
 * @param cause   what made it: the verb ({@link CarrierAction#RELOAD}, {@link CarrierAction#FILE_REMOVED}, ...)
 * @param took    how long the verb had taken when the carrier got there, waiting for its lock included
 * @param here    true when the change was asked of this host (and so told to the others); false when this host
 *                followed another
 */
public record CarrierStateChanged(Instant time, String carrier, CarrierState from, CarrierState to, String actor,
                                  CarrierAction cause, Duration took, boolean here) implements HostEvent {

    public CarrierStateChanged {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(took, "took");
    }

    @Override
    public Optional<Event> auditEntry() {
        return Optional.empty();
    }
}
