package org.carrierhost.simulator;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /api/accounts/{acct}/availableNumbers}, as Bandwidth searches: by {@code areaCode}, {@code npaNxx} or
 * {@code npaNxxx} (at most one of them), {@code localVanity} (digits the number contains, or ends with when
 * {@code endsIn=true}), {@code city} or {@code rateCenter} (each with {@code state}), {@code state}, {@code zip}, all
 * combined; or alone by {@code tollFreeWildCardPattern} or {@code tollFreeVanity}. Plus {@code quantity} (1 to 5000)
 * and optionally {@code enableTNDetail}. A search by city, rate center or zip widens to the local calling area (every
 * number of the LATAs the place is in) unless {@code LCA=false}, as Bandwidth does. A value out of form or a missing
 * criterion is a 400 with a {@code SearchResult/Error}, as Bandwidth answers.
 *
 * <p>Thread-safe: holds only the thread-safe stock and failure switches.
 */
final class SearchEndpoint {

    private static final List<String> CRITERIA = List.of("areaCode", "npaNxx", "npaNxxx", "localVanity", "city", "rateCenter",
            "state", "zip", "tollFreeWildCardPattern", "tollFreeVanity");
    private static final List<String> TOLL_FREE = List.of("tollFreeWildCardPattern", "tollFreeVanity");
    private static final List<String> PLACES = List.of("city", "rateCenter", "zip");
    /** The ZIP codes of the default stock's cities: the simulator's stock has none of its own. */
    private static final Map<String, String> ZIPS = Map.of("MONTCLAIR", "07042", "RALEIGH", "27601", "CARY", "27511");

    private final Stock stock;
    private final Failures failures;

    SearchEndpoint(Stock stock, Failures failures) {
        this.stock = stock;
        this.failures = failures;
    }

    Answer search(Map<String, String> params) {
        if (failures.isOn(Failure.SEARCH_INVALID)) {
            return invalid("4010", "One or more of the required search parameters are missing or invalid");
        }
        List<String> kinds = CRITERIA.stream().filter(params::containsKey).toList();
        if (kinds.isEmpty()) {
            return invalid("4010", "One of " + CRITERIA + " is required, got none");
        }
        if (kinds.stream().anyMatch(TOLL_FREE::contains) && kinds.size() > 1) {
            return invalid("4010", "A toll-free search takes no other criterion, got " + kinds);
        }
        if (kinds.stream().filter(List.of("areaCode", "npaNxx", "npaNxxx")::contains).count() > 1) {
            return invalid("4010", "At most one of areaCode, npaNxx and npaNxxx, got " + kinds);
        }
        for (String place : List.of("city", "rateCenter")) {
            if (params.containsKey(place) && !params.containsKey("state")) {
                return invalid("4010", place + " requires state");
            }
        }
        Predicate<StockEntry> filter = e -> true;
        Predicate<StockEntry> place = null;
        for (String kind : kinds) {
            Predicate<StockEntry> one = filter(kind, params.get(kind), "true".equalsIgnoreCase(params.get("endsIn")));
            if (one == null) {
                return invalid("4000", kind + " '" + params.get(kind) + "' is not valid");
            }
            if (PLACES.contains(kind)) {
                place = place == null ? one : place.and(one);
            } else {
                filter = filter.and(one);
            }
        }
        if (place != null) {
            filter = filter.and("false".equalsIgnoreCase(params.get("LCA")) ? place : callingArea(place));
        }
        int quantity;
        try {
            quantity = Integer.parseInt(params.getOrDefault("quantity", ""));
        } catch (NumberFormatException e) {
            return invalid("4010", "quantity must be a whole number, got '" + params.get("quantity") + "'");
        }
        if (quantity < 1 || quantity > 5000) {
            return invalid("4000", "quantity must be between 1 and 5000, got " + quantity);
        }
        List<StockEntry> found = stock.find(filter, quantity);
        boolean detail = "true".equalsIgnoreCase(params.get("enableTNDetail"));
        if (failures.isOn(Failure.XXE_REPLY)) {
            return Answer.xml(200, "<?xml version=\"1.0\"?><!DOCTYPE SearchResult [<!ENTITY secret SYSTEM "
                    + "\"file:///etc/passwd\">]><SearchResult><TelephoneNumberList><TelephoneNumber>&secret;"
                    + "</TelephoneNumber></TelephoneNumberList></SearchResult>");
        }
        return Answer.xml(200, found.isEmpty() ? "<SearchResult/>"
                : reply(found, detail, failures.isOn(Failure.SEARCH_DETAIL_TELEPHONE_NUMBER)));
    }

    private static Predicate<StockEntry> filter(String kind, String value, boolean endsIn) {
        return switch (kind) {
            case "areaCode" -> value.matches("[2-9]\\d{2}") ? local(value) : null;
            case "npaNxx" -> value.matches("[2-9]\\d{5}") ? local(value) : null;
            case "npaNxxx" -> value.matches("[2-9]\\d{6}") ? local(value) : null;
            case "localVanity" -> value.matches("\\d{1,7}")
                    ? e -> !e.tollFree() && (endsIn ? e.number().endsWith(value) : e.number().contains(value)) : null;
            case "city" -> value.isBlank() ? null : e -> e.city().equalsIgnoreCase(value.strip());
            case "rateCenter" -> value.isBlank() ? null : e -> e.rateCenter().equalsIgnoreCase(value.strip());
            case "state" -> value.matches("[A-Za-z]{2}") ? e -> e.state().equalsIgnoreCase(value) : null;
            case "zip" -> value.matches("\\d{5}") ? e -> value.equals(ZIPS.get(e.city())) : null;
            case "tollFreeVanity" -> value.matches("\\d{1,7}") ? e -> e.tollFree() && e.number().contains(value) : null;
            default -> value.matches("8[0-9*]{2}") ? tollFree(value) : null;
        };
    }

    /** The local calling area of a place: every number in a LATA where some number of the place is. */
    private Predicate<StockEntry> callingArea(Predicate<StockEntry> place) {
        java.util.Set<String> latas = new java.util.HashSet<>();
        stock.find(place, Integer.MAX_VALUE).forEach(e -> latas.add(e.lata()));
        latas.remove("");
        return e -> place.test(e) || latas.contains(e.lata());
    }

    private static Predicate<StockEntry> local(String prefix) {
        return e -> !e.tollFree() && e.number().startsWith(prefix);
    }

    /** A pattern of three characters, each a digit or {@code *} for any digit. */
    private static Predicate<StockEntry> tollFree(String pattern) {
        return e -> {
            if (!e.tollFree()) {
                return false;
            }
            for (int i = 0; i < pattern.length(); i++) {
                char p = pattern.charAt(i);
                if (p != '*' && p != e.number().charAt(i)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The result; {@code numberAsTelephoneNumber} names each detail row's number as the SDK fixtures do. */
    private static String reply(List<StockEntry> found, boolean detail, boolean numberAsTelephoneNumber) {
        XmlBuilder xml = new XmlBuilder().open("SearchResult").element("ResultCount", String.valueOf(found.size()));
        if (detail) {
            xml.open("TelephoneNumberDetailList");
            for (StockEntry e : found) {
                xml.open("TelephoneNumberDetail").element("City", e.city()).element("LATA", e.lata())
                        .element("RateCenter", e.rateCenter()).element("State", e.state())
                        .element(numberAsTelephoneNumber ? "TelephoneNumber" : "FullNumber", e.number()).element("Tier", "0").element("VendorId", "49")
                        .element("VendorName", "Bandwidth CLEC").close();
            }
        } else {
            xml.open("TelephoneNumberList");
            found.forEach(e -> xml.element("TelephoneNumber", e.number()));
        }
        return xml.build();
    }

    private static Answer invalid(String code, String description) {
        return Answer.xml(400, new XmlBuilder().open("SearchResult").element("ResultCount", "0").error(code, description)
                .build());
    }
}
