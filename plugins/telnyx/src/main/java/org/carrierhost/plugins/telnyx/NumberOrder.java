package org.carrierhost.plugins.telnyx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Telnyx number order as a reply's {@code data} shows it: {@code id}, {@code status}
 * ({@code pending}, {@code success} or {@code failure}: the spec has no partial status), {@code customer_reference},
 * {@code created_at}, and {@code phone_numbers[]}, each with its own {@code id}, {@code phone_number}, {@code status}
 * and {@code requirements_met}. The outcome is judged per number.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id                the order's id
 * @param status            the order's status, or empty
 * @param customerReference its customer reference, or empty
 * @param createdAt         when it was made (ISO 8601), or empty
 * @param lines             its numbers
 */
public record NumberOrder(String id, String status, String customerReference, String createdAt, List<Line> lines) {

    public NumberOrder {
        lines = List.copyOf(lines);
    }

    /**
     * One number of an order.
     *
     * @param id              the order line's id ({@code number_order_phone_number})
     * @param phoneNumber     the number in E.164
     * @param status          {@code pending}, {@code success} or {@code failure}
     * @param requirementsMet {@code requirements_met}, when given
     */
    public record Line(String id, String phoneNumber, String status, Optional<Boolean> requirementsMet) {
    }

    /** The order in {@code data}; empty when it names no id. */
    public static Optional<NumberOrder> read(JsonNode data) {
        String id = data.path("id").asText("");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        for (JsonNode line : data.path("phone_numbers")) {
            JsonNode met = line.path("requirements_met");
            lines.add(new Line(line.path("id").asText(""), line.path("phone_number").asText(""),
                    line.path("status").asText(""), met.isBoolean() ? Optional.of(met.asBoolean()) : Optional.empty()));
        }
        return Optional.of(new NumberOrder(id, data.path("status").asText(""), data.path("customer_reference").asText(""),
                data.path("created_at").asText(""), lines));
    }

    /** Our number's line, if the order has it. */
    public Optional<Line> line(String e164) {
        return lines.stream().filter(l -> l.phoneNumber().equals(e164)).findFirst();
    }

    /** Our number's status in this order: its line's, or empty when the order does not list it. */
    public String statusOf(String e164) {
        return line(e164).map(Line::status).orElse("");
    }
}
