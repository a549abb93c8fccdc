package org.carrierhost.simulator.telnyx;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One answer of the simulator: a status, a JSON (or empty) body and extra headers.
 *
 * <p>Thread-safe: an immutable value.
 */
record Reply(int status, String body, Map<String, String> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Reply json(int status, Object value) {
        return json(status, value, Map.of());
    }

    static Reply json(int status, Object value, Map<String, String> headers) {
        try {
            return new Reply(status, JSON.writeValueAsString(value), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the simulator's own reply", e);
        }
    }

    static Reply text(int status, String text) {
        return new Reply(status, text, Map.of("Content-Type", "text/plain; charset=utf-8"));
    }
}
