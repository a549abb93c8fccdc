package org.carrierhost.host.events;

import java.util.List;

/**
 * The audit and lifecycle log as it is read: every lifecycle step, admin action and number change, with
 * its actor, newest first. It is written by {@link AuditLog}, a listener of the host's events.
 *
 * <p>Implementations are thread-safe.
 */
public interface EventLog {

    /** The newest {@code limit} events, newest first. */
    List<Event> recent(int limit);

    /** The entries {@code query} selects, with their ids. */
    List<LoggedEvent> find(EventQuery query);
}
