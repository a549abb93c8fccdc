package org.carrierhost.plugins.bandwidth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

/**
 * The {@code availableNumbers} query for an E.164 prefix, and the local filter for what the query cannot
 * pin down. Bandwidth searches by area code (3 digits), NPA-NXX (6), NPA-NXX-X (7) or toll-free pattern,
 * so a prefix between those widths is searched one step wider and filtered here.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param digits  the prefix without {@code +1}, for example {@code 973370}
 * @param params  the query parameters, in the order they are sent
 * @param filters whether results must be filtered to {@code digits} (the query is wider than the prefix)
 */
public record SearchQuery(String digits, Map<String, String> params, boolean filters) {

    static final Set<String> TOLL_FREE_NPAS = Set.of("800", "833", "844", "855", "866", "877", "888");

    public SearchQuery {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * The query for {@code e164Prefix}.
     *
     * @param quantity    how many numbers the caller wants (offset included)
     * @param tollFree    whether the caller asked for toll-free numbers (lets a prefix shorter than an NPA search)
     * @param maxQuantity the most one search may ask for
     * @throws CarrierException {@link ErrorCode#INVALID} for a non-+1 or malformed prefix
     */
    public static SearchQuery of(String e164Prefix, int quantity, boolean tollFree, int maxQuantity)
            throws CarrierException {
        String digits = nationalDigits(e164Prefix);
        Map<String, String> params = new LinkedHashMap<>();
        int pinned;
        boolean local = false;
        if (digits.length() < 3) {
            if (!tollFree || !(digits.isEmpty() || digits.startsWith("8"))) {
                throw new CarrierException(ErrorCode.INVALID, "the prefix needs at least a three-digit area code",
                        "got " + e164Prefix);
            }
            params.put("tollFreeWildCardPattern", (digits + "***").substring(0, 3).replaceFirst("^\\*", "8"));
            pinned = 0;
        } else if (TOLL_FREE_NPAS.contains(digits.substring(0, 3))) {
            // Two digits and a wildcard, as Bandwidth wants; each toll-free NPA has its own first two digits.
            params.put("tollFreeWildCardPattern", digits.substring(0, 2) + "*");
            pinned = 3;
        } else if (digits.length() < 6) {
            params.put("areaCode", digits.substring(0, 3));
            pinned = 3;
            local = true;
        } else if (digits.length() == 6) {
            params.put("npaNxx", digits);
            pinned = 6;
            local = true;
        } else {
            params.put("npaNxxx", digits.substring(0, 7));
            pinned = 7;
            local = true;
        }
        boolean filters = digits.length() > pinned;
        // A filtered search keeps only part of what it gets, so it asks for as many as it may.
        params.put("quantity", String.valueOf(filters ? maxQuantity : Math.min(quantity, maxQuantity)));
        if (local) {
            params.put("enableTNDetail", "true");
        }
        return new SearchQuery(digits, params, filters);
    }

    private static String nationalDigits(String e164Prefix) throws CarrierException {
        String prefix = e164Prefix == null ? "" : e164Prefix.trim();
        String digits;
        if (prefix.startsWith("+1")) {
            digits = prefix.substring(2);
        } else if (prefix.startsWith("+")) {
            throw new CarrierException(ErrorCode.INVALID, "bandwidth serves only +1 numbers", "got " + e164Prefix);
        } else {
            digits = prefix.startsWith("1") ? prefix.substring(1) : prefix;
        }
        if (!digits.matches("\\d{0,10}")) {
            throw new CarrierException(ErrorCode.INVALID, "the prefix must be +1 and up to ten digits",
                    "got " + e164Prefix);
        }
        return digits;
    }

    /** Whether an E.164 number falls under the whole prefix. */
    public boolean matches(String e164) {
        return e164.startsWith("+1" + digits);
    }

    /** The query string, each name and value URL-encoded. */
    public String toQueryString() {
        return params.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
