package org.carrierhost.simulator;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code GET /api/accounts/{acct}/availableNumbers}: one of {@code areaCode}, {@code npaNxx},
 * {@code npaNxxx} or {@code tollFreeWildCardPattern}, plus {@code quantity} (1 to 5000) and optionally
 * {@code enableTNDetail}. Anything else is a 400 with a {@code SearchResult/Error}, as Bandwidth answers.
 *
 * <p>Thread-safe: holds only the thread-safe stock and failure switches.
 */
final class SearchEndpoint {

    private static final List<String> KINDS = List.of("areaCode", "npaNxx", "npaNxxx", "tollFreeWildCardPattern");

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
        List<String> kinds = KINDS.stream().filter(params::containsKey).toList();
        if (kinds.size() != 1) {
            return invalid("4010", "Exactly one of " + KINDS + " is required, got " + kinds);
        }
        String kind = kinds.get(0);
        String value = params.get(kind);
        Predicate<StockEntry> filter = filter(kind, value);
        if (filter == null) {
            return invalid("4000", kind + " '" + value + "' is not valid");
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

    private static Predicate<StockEntry> filter(String kind, String value) {
        return switch (kind) {
            case "areaCode" -> value.matches("[2-9]\\d{2}") ? local(value) : null;
            case "npaNxx" -> value.matches("[2-9]\\d{5}") ? local(value) : null;
            case "npaNxxx" -> value.matches("[2-9]\\d{6}") ? local(value) : null;
            default -> value.matches("8[0-9*]{2}") ? tollFree(value) : null;
        };
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
