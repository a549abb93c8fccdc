package org.carrierhost.host.events;

import java.util.List;

/**
 * The audit and lifecycle log: every lifecycle step, admin action and number change, with its actor.
 *
 * <p>Implementations are thread-safe.
 */
public interface EventLog {

    /** Appends {@code event}. Never throws: a log that cannot be written is reported, not fatal. */
    void record(Event event);

    /** The newest {@code limit} events, newest first. */
    List<Event> recent(int limit);
}
