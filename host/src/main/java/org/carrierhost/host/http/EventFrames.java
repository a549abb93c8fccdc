package org.carrierhost.host.http;

import org.carrierhost.host.events.LoggedEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a logged event as one Server-Sent Events frame: {@code id:} its log id, {@code event: audit},
 * and {@code data:} the same JSON object {@code GET /api/events} answers (JSON has no raw newline, so one
 * data line holds it).
 *
 * <p>Thread-safe: the mapper is.
 */
final class EventFrames {

    private final ObjectMapper json;

    EventFrames(ObjectMapper json) {
        this.json = json;
    }

    String frame(LoggedEvent event) {
        try {
            return "id: " + event.id() + "\nevent: audit\ndata: " + json.writeValueAsString(EventAnswer.of(event)) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.id(), e);
        }
    }
}
