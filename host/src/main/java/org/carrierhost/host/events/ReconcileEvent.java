package org.carrierhost.host.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reconciliation of a carrier run (its drift counted by kind), or one of its rows repaired, or an attempt that failed.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param time    when it happened
 * @param actor   who asked, or {@code scheduler}
 * @param action  {@code reconcile} or {@code reconcile-repair}
 * @param carrier the carrier reconciled
 * @param detail  what was found or done, for people
 * @param drift   for a run, the rows by kind ({@code only_at_carrier}, {@code only_here}, {@code state_differs}); else empty
 * @param error   why it failed, or null when it succeeded
 */
public record ReconcileEvent(Instant time, String actor, String action, String carrier, String detail, Map<String, Integer> drift,
                             String error) implements HostEvent {

    public static final String RUN = "reconcile";
    public static final String REPAIR = "reconcile-repair";

    public ReconcileEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(carrier, "carrier");
        drift = drift == null ? Map.of() : Map.copyOf(drift);
    }

    @Override
    public Optional<Event> auditEntry() {
        return Optional.of(new Event(time, actor, action, detail == null ? carrier : carrier + ": " + detail,
                error == null ? Event.OK : Event.FAILED, error, carrier));
    }
}
