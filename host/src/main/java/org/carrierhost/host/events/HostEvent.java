package org.carrierhost.host.events;

import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened in the host, as a typed value: a carrier loaded, swapped, failed or disabled, a
 * circuit opened or closed, a number acquired or disconnected, a call into a carrier completed. Raised
 * through {@link HostEvents} and received by every {@link HostEventListener}: the audit log, metrics, the
 * event stream, an embedding platform's own code.
 *
 * <p>Thread-safe: every shape is an immutable value.
 */
public sealed interface HostEvent permits CarrierEvent, CarrierStateChanged, NumberEvent, CircuitEvent, CallCompleted, NodeEvent,
        HoldEvent, ReconcileEvent, GuessingEvent, ThreadsLeftRunning {

    /** When it happened. */
    Instant time();

    /** The row it adds to the audit log, or empty when it is not audited (a completed call, say). */
    Optional<Event> auditEntry();

    /**
     * Whether what it records was already forced to disk before it was raised, in the same commit as the change
     * itself (a number's history row): then its audit entry is journalled without a flush of its own, so the change
     * is answered after one flush, not two. False unless a shape says so.
     */
    default boolean recordedOnDisk() {
        return false;
    }
}
