package org.carrierhost.plugins.telnyx;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a Telnyx {@code errors[]} array: its {@code code} (a string), {@code title}, {@code detail} and
 * {@code source.pointer} (or {@code source.parameter}), all kept for the standard error's cause.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param code   Telnyx's code, for example {@code 10015}
 * @param title  its title
 * @param detail its detail
 * @param source the pointer or parameter it names, or empty
 */
public record TelnyxError(String code, String title, String detail, String source) {

    /** The entries of {@code body}'s {@code errors[]}; empty when it has none or is not an object. */
    public static List<TelnyxError> listIn(JsonNode body) {
        List<TelnyxError> errors = new ArrayList<>();
        if (body == null || !body.path("errors").isArray()) {
            return errors;
        }
        for (JsonNode error : body.path("errors")) {
            JsonNode source = error.path("source");
            String where = source.path("pointer").asText(source.path("parameter").asText(""));
            errors.add(new TelnyxError(error.path("code").asText(""), error.path("title").asText(""),
                    error.path("detail").asText(""), where));
        }
        return errors;
    }

    /** {@code 10015 Bad Request: detail (source /phone_numbers)}, as shown in causes. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(code.isEmpty() ? "(no code)" : code);
        if (!title.isEmpty()) {
            text.append(' ').append(title);
        }
        if (!detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        if (!source.isEmpty()) {
            text.append(" (source ").append(source).append(')');
        }
        return text.toString();
    }
}
