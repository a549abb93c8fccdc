package org.carrierhost.host.http;

import org.carrierhost.host.events.Event;

/**
 * An audit or lifecycle event as the API answers it.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param time   when, ISO-8601
 * @param actor  who
 * @param action what was done
 * @param target what it was done to
 * @param result {@code ok} or {@code failed}
 * @param error  why it failed, or null
 */
record EventAnswer(String time, String actor, String action, String target, String result, String error) {

    static EventAnswer of(Event event) {
        return new EventAnswer(event.time().toString(), event.actor(), event.action(), event.target(), event.result(),
                event.error());
    }
}
