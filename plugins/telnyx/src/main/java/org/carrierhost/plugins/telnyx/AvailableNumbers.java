package org.carrierhost.plugins.telnyx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.carrierhost.api.NumberOffer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a {@code GET /available_phone_numbers} reply: {@code data[]} of {@code available_phone_number} entries with
 * {@code phone_number}, {@code region_information[]} ({@code region_type}, {@code region_name}),
 * {@code cost_information} ({@code upfront_cost}, {@code monthly_cost}, {@code currency}), {@code features[]}
 * (objects with a {@code name}), {@code reservable}, {@code quickship} and {@code best_effort}; and the totals under
 * {@code meta} (as spec3.yml has them) or under {@code metadata}, whichever the reply uses.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param offers       one offer per entry that names a phone number, its data flattened
 * @param unreadable   entries without a phone number, left out
 * @param totalResults the total the reply's {@code meta} or {@code metadata} gives, when it gives one
 */
public record AvailableNumbers(List<NumberOffer> offers, int unreadable, OptionalInt totalResults) {

    public AvailableNumbers {
        offers = List.copyOf(offers);
    }

    public static AvailableNumbers read(JsonNode body) {
        List<NumberOffer> offers = new ArrayList<>();
        int unreadable = 0;
        for (JsonNode entry : body.path("data")) {
            String number = entry.path("phone_number").asText("");
            if (number.isEmpty()) {
                unreadable++;
                continue;
            }
            offers.add(new NumberOffer(number, data(entry)));
        }
        JsonNode totals = body.has("metadata") ? body.path("metadata") : body.path("meta");
        OptionalInt total = totals.path("total_results").isNumber() ? OptionalInt.of(totals.path("total_results").asInt())
                : OptionalInt.empty();
        return new AvailableNumbers(offers, unreadable, total);
    }

    private static Map<String, Object> data(JsonNode entry) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (JsonNode region : entry.path("region_information")) {
            String type = region.path("region_type").asText("");
            if (!type.isEmpty() && region.path("region_name").isTextual()) {
                data.put(type, region.path("region_name").asText());
            }
        }
        JsonNode cost = entry.path("cost_information");
        for (String field : List.of("upfront_cost", "monthly_cost", "currency")) {
            if (cost.path(field).isValueNode() && !cost.path(field).isNull()) {
                data.put(field, cost.path(field).asText());
            }
        }
        List<String> features = new ArrayList<>();
        for (JsonNode feature : entry.path("features")) {
            String name = feature.isTextual() ? feature.asText() : feature.path("name").asText("");
            if (!name.isEmpty()) {
                features.add(name);
            }
        }
        data.put("features", features);
        for (String flag : List.of("reservable", "quickship", "best_effort")) {
            if (entry.path(flag).isBoolean()) {
                data.put(flag, entry.path(flag).asBoolean());
            }
        }
        return data;
    }
}
