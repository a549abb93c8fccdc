package org.carrierhost.plugins.telnyx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.InventoryPage;
import org.carrierhost.api.NumberState;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The account's numbers ({@code /phone_numbers}): finds a number's id by {@code filter[phone_number]}, which
 * Telnyx matches partially, so the exact E.164 is picked from what comes back; releases a number by id; and lists
 * them page by page ({@code page[number]}, {@code page[size]} of at most {@value #MAX_PAGE_SIZE}, {@code meta.total_pages})
 * for a reconciliation.
 *
 * <p>Thread-safe: an immutable value over the thread-safe client.
 *
 * @param client the HTTP client
 */
public record PhoneNumbers(TelnyxClient client) {

    /** The {@code PhoneNumberDetailed} statuses of a number the account no longer holds, or never got. */
    private static final Set<String> GONE = Set.of("deleted", "purchase-failed", "ported-out", "port-failed");
    /** The largest {@code page[size]} asked for: 250, as Telnyx's own examples page {@code /phone_numbers}. */
    static final int MAX_PAGE_SIZE = 250;
    /** What a {@code PhoneNumberDetailed} status says of the number's state, where it says anything. */
    private static final Map<String, NumberState> STATES = Map.of("active", NumberState.IN_SERVICE,
            "port-pending", NumberState.PORT_IN);

    /** The id of {@code e164} in the account, unless it is not there or its status says it is gone. */
    public Optional<String> idOf(String e164) throws CarrierException {
        String digits = e164.substring(1);
        JsonNode body = client.get("/phone_numbers?" + Query.encode("filter[phone_number]")
                + "=" + digits + "&" + Query.encode("page[size]") + "=" + MAX_PAGE_SIZE);
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

    /**
     * Page {@code page} (from 1) of the account's numbers, {@code size} a page, those whose status says they are gone
     * left out. A size over Telnyx's {@value #MAX_PAGE_SIZE} is read as several Telnyx pages of a size that divides it,
     * so the pages still line up.
     */
    public InventoryPage page(int page, int size) throws CarrierException {
        int telnyxSize = largestDivisorUpTo(size, MAX_PAGE_SIZE);
        int per = size / telnyxSize;
        List<InventoryPage.Entry> entries = new ArrayList<>();
        boolean more = false;
        for (int sub = (page - 1) * per + 1; sub <= page * per; sub++) {
            JsonNode body = client.get("/phone_numbers?" + Query.encode("page[number]") + "=" + sub + "&"
                    + Query.encode("page[size]") + "=" + telnyxSize);
            for (JsonNode number : body.path("data")) {
                String e164 = number.path("phone_number").asText("");
                String status = number.path("status").asText("");
                if (!e164.isEmpty() && !GONE.contains(status)) {
                    entries.add(new InventoryPage.Entry(e164, STATES.get(status)));
                }
            }
            int pages = body.path("meta").path("total_pages").asInt(0);
            more = sub < pages;
            if (!more || body.path("data").isEmpty()) {
                break;
            }
        }
        return new InventoryPage(entries, more);
    }

    private static int largestDivisorUpTo(int size, int limit) {
        if (size <= limit) {
            return Math.max(1, size);
        }
        for (int d = limit; d > 1; d--) {
            if (size % d == 0) {
                return d;
            }
        }
        return 1;
    }
}
