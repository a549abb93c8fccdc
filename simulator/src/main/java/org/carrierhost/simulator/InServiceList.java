package org.carrierhost.simulator;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /inserviceNumbers?page=&size=}: the account's numbers in service (the stock's owned numbers, in order),
 * one page at a time, in the shape Bandwidth publishes: {@code TNs} with {@code TotalCount}, {@code Links}
 * ({@code first}, and {@code next} while there are more) and {@code TelephoneNumbers} ({@code Count} and each
 * {@code TelephoneNumber}). Pages count from 1; {@code size} defaults to 300 as Bandwidth's does.
 *
 * <p>Thread-safe: stateless over the thread-safe stock.
 */
final class InServiceList {

    private static final int DEFAULT_SIZE = 300;
    private static final int MAX_SIZE = 5000;

    private final Stock stock;

    InServiceList(Stock stock) {
        this.stock = stock;
    }

    Answer page(Map<String, String> params, String path) {
        int page;
        int size;
        try {
            page = Integer.parseInt(params.getOrDefault("page", "1"));
            size = Integer.parseInt(params.getOrDefault("size", Integer.toString(DEFAULT_SIZE)));
        } catch (NumberFormatException e) {
            return Answer.responseStatus(400, "TNs", "1001", "page and size must be whole numbers");
        }
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            return Answer.responseStatus(400, "TNs", "1001", "page must be at least 1 and size from 1 to " + MAX_SIZE);
        }
        List<String> owned = stock.owned();
        int from = (int) Math.min(owned.size(), (long) (page - 1) * size);
        List<String> numbers = owned.subList(from, Math.min(owned.size(), from + size));
        XmlBuilder xml = new XmlBuilder().open("TNs").element("TotalCount", Integer.toString(owned.size())).open("Links")
                .element("first", "<" + path + "?page=1&size=" + size + ">;rel=\"first\";");
        if (from + size < owned.size()) {
            xml.element("next", "<" + path + "?page=" + (page + 1) + "&size=" + size + ">;rel=\"next\";");
        }
        xml.close().open("TelephoneNumbers").element("Count", Integer.toString(numbers.size()));
        numbers.forEach(n -> xml.element("TelephoneNumber", n));
        return Answer.xml(200, xml.build());
    }
}
