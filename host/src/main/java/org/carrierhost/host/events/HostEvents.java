package org.carrierhost.host.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the host raises its typed events, and where listeners register for them.
 *
 * <p>Thread-safe: listeners are kept in a copy-on-write list, so raising an event takes no lock.
 */
public final class HostEvents {

    private static final Logger log = LoggerFactory.getLogger(HostEvents.class);

    private final List<HostEventListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds {@code listener}; it receives every event raised from now on. */
    public void addListener(HostEventListener listener) {
        listeners.add(listener);
    }

    /** Removes {@code listener}. */
    public void removeListener(HostEventListener listener) {
        listeners.remove(listener);
    }

    /** Hands {@code event} to every listener, in the order they were added. */
    public void publish(HostEvent event) {
        for (HostEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("event listener {} failed on {}: {}", listener, event, e.toString());
            }
        }
    }
}
