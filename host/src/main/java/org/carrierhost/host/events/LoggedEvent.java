package org.carrierhost.host.events;

import java.util.Objects;

/**
 * An entry as the event log stored it, with the id the log gave it: ids grow with every entry, so a
 * reader that saw id {@code n} asks for what came after {@code n} (the event stream's {@code Last-Event-ID}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id    the log's id of the entry
 * @param event the entry
 */
public record LoggedEvent(long id, Event event) {

    public LoggedEvent {
        Objects.requireNonNull(event, "event");
    }
}
