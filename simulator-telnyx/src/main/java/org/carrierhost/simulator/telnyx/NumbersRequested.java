package org.carrierhost.simulator.telnyx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An order's or reservation's request body: its {@code phone_numbers[].phone_number} and its other fields.
 *
 * <p>Thread-safe: an immutable value once parsed (the tree is only read).
 *
 * @param numbers the numbers asked for
 * @param body    the whole body
 */
record NumbersRequested(List<String> numbers, JsonNode body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body's numbers; empty when it is not JSON or names none. */
    static Optional<NumbersRequested> parse(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.path("phone_numbers").isArray() || root.path("phone_numbers").isEmpty()) {
                return Optional.empty();
            }
            List<String> numbers = new ArrayList<>();
            root.path("phone_numbers").forEach(n -> numbers.add(n.path("phone_number").asText("")));
            return Optional.of(new NumbersRequested(List.copyOf(numbers), root));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A text field of the body, or null. */
    String text(String field) {
        return body.path(field).isTextual() ? body.path(field).asText() : null;
    }
}
