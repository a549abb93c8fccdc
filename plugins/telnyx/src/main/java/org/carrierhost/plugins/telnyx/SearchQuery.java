package org.carrierhost.plugins.telnyx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.SearchOptions;

/**
 * One {@code GET /available_phone_numbers} as deepObject filters. A NANP prefix of at least an area code maps to
 * {@code filter[national_destination_code]} plus {@code filter[phone_number][starts_with]} for the digits after it
 * (the spec's {@code starts_with} excludes the NDC once that is set); any other prefix maps to
 * {@code filter[country_code]} plus {@code starts_with} over the national digits, never padded. Toll-free asks
 * {@code filter[phone_number_type]=toll_free}; the quantity is {@code filter[limit]}.
 *
 * <p>Telnyx ignores a filter it does not know and answers unfiltered numbers, so {@link #matches(String)} checks
 * every number that comes back against what was asked.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param prefix     the E.164 prefix asked for
 * @param country    ISO 3166 alpha-2 country
 * @param ndc        the national destination code, or empty
 * @param startsWith the digits the number starts with (after the NDC when there is one), or empty
 * @param tollFree   whether toll-free numbers are asked for
 * @param limit      how many numbers to ask for
 */
public record SearchQuery(String prefix, String country, String ndc, String startsWith, boolean tollFree, int limit) {

    /** The most numbers one search asks Telnyx for. */
    public static final int MAX_LIMIT = 100;
    private static final Set<String> NANP_TOLL_FREE = Set.of("800", "833", "844", "855", "866", "877", "888");

    /**
     * The query for {@code e164Prefix}, asking for {@code wanted} numbers (capped at {@value #MAX_LIMIT}).
     *
     * @throws CarrierException {@link ErrorCode#INVALID} for a prefix that is not E.164 under the options' dialcode
     */
    public static SearchQuery of(String e164Prefix, int wanted, SearchOptions options) throws CarrierException {
        if (e164Prefix == null || !e164Prefix.matches("\\+[1-9][0-9]{0,14}")) {
            throw new CarrierException(ErrorCode.INVALID, "not an E.164 prefix", "got '" + e164Prefix + "'");
        }
        String dialcode = options.dialcode();
        if (!e164Prefix.startsWith(dialcode)) {
            throw new CarrierException(ErrorCode.INVALID, "the prefix is not under its country's dialcode",
                    e164Prefix + " is not under " + dialcode + " (" + options.country() + ")");
        }
        String national = e164Prefix.substring(dialcode.length());
        int limit = Math.max(1, Math.min(MAX_LIMIT, wanted));
        if (dialcode.equals("+1") && national.length() >= 3) {
            return new SearchQuery(e164Prefix, options.country(), national.substring(0, 3), national.substring(3),
                    options.tollFree(), limit);
        }
        return new SearchQuery(e164Prefix, options.country(), "", national, options.tollFree(), limit);
    }

    /** The query string, each filter's name URL-encoded ({@code filter%5Blimit%5D=2}). */
    public String toQueryString() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("filter[country_code]", country);
        if (!ndc.isEmpty()) {
            filters.put("filter[national_destination_code]", ndc);
        }
        if (!startsWith.isEmpty()) {
            filters.put("filter[phone_number][starts_with]", startsWith);
        }
        if (tollFree) {
            filters.put("filter[phone_number_type]", "toll_free");
        }
        filters.put("filter[limit]", String.valueOf(limit));
        return filters.entrySet().stream().map(e -> Query.encode(e.getKey()) + "="
                + Query.encode(e.getValue())).collect(Collectors.joining("&"));
    }

    /** Whether {@code e164} is what was asked: E.164, under the prefix, and toll-free when that was asked (NANP). */
    public boolean matches(String e164) {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}") || !e164.startsWith(prefix)) {
            return false;
        }
        return !tollFree || !e164.startsWith("+1") || NANP_TOLL_FREE.contains(e164.substring(2, 5));
    }
}
