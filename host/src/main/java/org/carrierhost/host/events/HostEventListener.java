package org.carrierhost.host.events;

/**
 * Receives the host's typed events. Called on the thread that raised the event, which may be a request
 * thread or hold a carrier's lifecycle lock: a listener returns quickly and hands slow work (writing to a
 * database, sending over a network) to a thread of its own, as the audit log does.
 *
 * <p>Implementations must be thread-safe: events arrive from many threads at once.
 */
@FunctionalInterface
public interface HostEventListener {

    /** Receives {@code event}. A listener that throws is logged and does not stop the others. */
    void onEvent(HostEvent event);
}
