package org.carrierhost.host.http;

import org.carrierhost.host.events.Event;
import org.carrierhost.host.events.LoggedEvent;

/**
 * An audit or lifecycle event as the API (and the event stream) answers it.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id      the log's id of the entry: later entries have larger ids
 * @param time    when, ISO-8601
 * @param actor   who
 * @param action  what was done
 * @param target  what it was done to
 * @param result  {@code ok} or {@code failed}
 * @param error   why it failed, or null
 * @param carrier the carrier (or, for a zip that never loaded, the file) it is filed under, or null
 * @param node    the cluster node it happened on, or null for entries older than the cluster
 */
record EventAnswer(long id, String time, String actor, String action, String target, String result, String error,
                   String carrier, String node) {

    static EventAnswer of(LoggedEvent logged) {
        Event event = logged.event();
        return new EventAnswer(logged.id(), ApiTime.of(event.time()), event.actor(), event.action(), event.target(),
                event.result(), event.error(), event.carrier(), event.node());
    }
}
