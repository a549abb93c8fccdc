package org.carrierhost.plugins.telnyx;

import java.util.Optional;
import java.util.Set;

import org.carrierhost.api.CarrierException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The account's numbers ({@code /phone_numbers}): finds a number's id by {@code filter[phone_number]}, which
 * Telnyx matches partially, so the exact E.164 is picked from what comes back; and releases a number by id.
 *
 * <p>Thread-safe: an immutable value over the thread-safe client.
 *
 * @param client the HTTP client
 */
public record PhoneNumbers(TelnyxClient client) {

    /** The {@code PhoneNumberDetailed} statuses of a number the account no longer holds, or never got. */
    private static final Set<String> GONE = Set.of("deleted", "purchase-failed", "ported-out", "port-failed");

    /** The id of {@code e164} in the account, unless it is not there or its status says it is gone. */
    public Optional<String> idOf(String e164) throws CarrierException {
        String digits = e164.substring(1);
        JsonNode body = client.get("/phone_numbers?" + Query.encode("filter[phone_number]")
                + "=" + digits);
        for (JsonNode number : body.path("data")) {
            if (number.path("phone_number").asText("").equals(e164) && !GONE.contains(number.path("status").asText(""))
                    && !number.path("id").asText("").isEmpty()) {
                return Optional.of(number.path("id").asText());
            }
        }
        return Optional.empty();
    }

    /**
     * {@code DELETE /phone_numbers/{id}}: true when released now, false when Telnyx no longer had it (404), which
     * counts as released too.
     */
    public boolean release(String id) throws CarrierException {
        return client.delete("/phone_numbers/" + Query.encode(id)).isPresent();
    }
}
