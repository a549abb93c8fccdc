package org.carrierhost.host.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A carrier's generation was unloaded and some of the threads it started survived the interrupt: their ids, so
 * an observer can watch what they still cost (readiness reports those that burn CPU). Not audited itself: the
 * unload's {@link CarrierEvent} already names the threads.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param carrier   the carrier's id
 * @param version   the version that was unloaded
 * @param threadIds the ids ({@link Thread#getId()}) of the threads still running
 */
public record ThreadsLeftRunning(Instant time, String carrier, String version, List<Long> threadIds) implements HostEvent {

    public ThreadsLeftRunning {
        threadIds = List.copyOf(threadIds);
    }

    @Override
    public Optional<Event> auditEntry() {
        return Optional.empty();
    }
}
