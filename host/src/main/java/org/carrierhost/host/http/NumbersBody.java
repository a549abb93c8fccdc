package org.carrierhost.host.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/numbers/check}: {@code {"numbers": [...]}}. Each entry may be a string or a
 * JSON number (taken as its digits); anything else is passed on as its JSON text, for the manager to find
 * invalid.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param numbers the numbers as given; required
 */
record NumbersBody(List<JsonNode> numbers) {

    NumbersBody {
        numbers = numbers == null ? null : Collections.unmodifiableList(new ArrayList<>(numbers));
    }

    /** The numbers, each as text. */
    List<String> texts() {
        return texts(numbers);
    }

    /** {@code numbers}, each as text: a string as it is, anything else as its JSON. */
    static List<String> texts(List<JsonNode> numbers) {
        if (numbers == null) {
            throw StandardException.of(ErrorCode.INVALID, "body must have \"numbers\": [...]", null);
        }
        return numbers.stream().map(n -> n.isTextual() ? n.asText() : n.toString()).toList();
    }
}
