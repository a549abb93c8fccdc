package org.carrierhost.plugins.bandwidth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.SearchFilter;
import org.carrierhost.api.SearchFilters;

/**
 * The {@code availableNumbers} query for an E.164 prefix and the search vocabulary's filters, and the local filter for
 * what the query cannot pin down. Bandwidth searches by area code (3 digits), NPA-NXX (6), NPA-NXX-X (7) or toll-free
 * pattern, so a prefix between those widths is searched one step wider and filtered here. The filters map to its
 * parameters: {@code contains} to {@code localVanity}, {@code ends_with} to {@code localVanity} with
 * {@code endsIn=true} (both to {@code tollFreeVanity} for toll-free numbers), {@code locality} and {@code region} to
 * {@code city} and {@code state}, {@code rate_center} to {@code rateCenter} and {@code state}, {@code postal_code} to
 * {@code zip}; a search by place sends {@code LCA=false}, so Bandwidth does not widen it to the local calling area.
 * Only an area code combines with a place, so a longer prefix is then searched by its area code and filtered here.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param digits  the prefix without {@code +1}, for example {@code 973370}
 * @param params  the query parameters, in the order they are sent
 * @param filters whether results must be filtered here (the query is wider than the prefix and patterns)
 * @param asked   the search's filters; their digit patterns are checked here too
 */
public record SearchQuery(String digits, Map<String, String> params, boolean filters, SearchFilters asked) {

    static final Set<String> TOLL_FREE_NPAS = Set.of("800", "833", "844", "855", "866", "877", "888");

    public SearchQuery {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        asked = asked == null ? SearchFilters.none() : asked;
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
        return of(e164Prefix, quantity, tollFree, SearchFilters.none(), maxQuantity);
    }

    /**
     * The query for {@code e164Prefix} and {@code asked}.
     *
     * @throws CarrierException {@link ErrorCode#INVALID} for a non-+1 or malformed prefix, or a city or rate center
     *                          without its state (Bandwidth searches them only within one)
     */
    public static SearchQuery of(String e164Prefix, int quantity, boolean tollFree, SearchFilters asked, int maxQuantity)
            throws CarrierException {
        String digits = nationalDigits(e164Prefix);
        boolean place = asked.locality() != null || asked.region() != null || asked.rateCenter() != null
                || asked.postalCode() != null;
        String vanity = asked.endsWith() != null ? asked.endsWith() : asked.contains();
        boolean tollFreeNpa = digits.length() >= 3 && TOLL_FREE_NPAS.contains(digits.substring(0, 3));
        if (vanity != null && (tollFree || tollFreeNpa)) {
            return vanity("tollFreeVanity", vanity, digits, quantity, asked, maxQuantity, false);
        }
        if (!tollFree && !tollFreeNpa && (place || vanity != null)) {
            return local(digits, quantity, asked, place, vanity, maxQuantity);
        }
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
        return new SearchQuery(digits, params, filters, SearchFilters.none());
    }

    /** A local search by place or pattern, within the prefix's area code when it has one. */
    private static SearchQuery local(String digits, int quantity, SearchFilters asked, boolean place, String vanity,
                                     int maxQuantity) throws CarrierException {
        if (asked.locality() != null && asked.region() == null || asked.rateCenter() != null && asked.region() == null) {
            throw new CarrierException(ErrorCode.INVALID, "bandwidth searches a city or rate center only within its state",
                    "add region, for example region=NJ");
        }
        if (!place) {
            return vanity("localVanity", vanity, digits, quantity, asked, maxQuantity, true);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (digits.length() >= 3) {
            params.put("areaCode", digits.substring(0, 3));
        }
        if (vanity != null) {
            params.put("localVanity", vanity);
            params.put("endsIn", String.valueOf(asked.endsWith() != null));
        }
        putIfGiven(params, "city", asked.locality());
        putIfGiven(params, "rateCenter", asked.rateCenter());
        putIfGiven(params, "state", asked.region() == null ? null : asked.region().toUpperCase(java.util.Locale.ROOT));
        putIfGiven(params, "zip", asked.postalCode());
        params.put("LCA", "false");
        boolean filters = digits.length() > 3 || asked.contains() != null && asked.endsWith() != null;
        params.put("quantity", String.valueOf(filters ? maxQuantity : Math.min(quantity, maxQuantity)));
        params.put("enableTNDetail", "true");
        return new SearchQuery(digits, params, filters, asked);
    }

    /** A search by digits the number contains or ends with, under the prefix, filtered here to the prefix. */
    private static SearchQuery vanity(String kind, String vanity, String digits, int quantity, SearchFilters asked,
                                      int maxQuantity, boolean local) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(kind, vanity);
        if (local) {
            params.put("endsIn", String.valueOf(asked.endsWith() != null));
        }
        boolean filters = !digits.isEmpty() || asked.contains() != null && asked.endsWith() != null || !local && asked.endsWith() != null;
        params.put("quantity", String.valueOf(filters ? maxQuantity : Math.min(quantity, maxQuantity)));
        if (local) {
            params.put("enableTNDetail", "true");
        }
        return new SearchQuery(digits, params, filters, asked);
    }

    private static void putIfGiven(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
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

    /** Whether an E.164 number falls under the whole prefix, and holds the digit patterns asked. */
    public boolean matches(String e164) {
        String national = e164.startsWith("+1") ? e164.substring(2) : e164;
        return e164.startsWith("+1" + digits) && asked.matches(SearchFilter.CONTAINS, national, NumberAttributes.none())
                && asked.matches(SearchFilter.ENDS_WITH, national, NumberAttributes.none());
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
