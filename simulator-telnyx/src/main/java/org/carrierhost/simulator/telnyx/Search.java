package org.carrierhost.simulator.telnyx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code GET /available_phone_numbers}: the stock filtered by {@code filter[country_code]},
 * {@code filter[national_destination_code]}, {@code filter[phone_number][starts_with]} (after the NDC when one is
 * given, as the spec says; else over the national number) and {@code filter[phone_number_type]}, at most
 * {@code filter[limit]} of them, not paged. As Telnyx does, a filter it does not know is ignored, and with
 * {@link TelnyxSwitch#IGNORE_FILTERS} every filter is.
 *
 * <p>Thread-safe: holds only the thread-safe inventory and switches.
 */
final class Search {

    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 100;

    private final Inventory inventory;
    private final Switches switches;

    Search(Inventory inventory, Switches switches) {
        this.inventory = inventory;
        this.switches = switches;
    }

    Reply answer(Map<String, String> params) {
        int limit;
        try {
            limit = Integer.parseInt(params.getOrDefault("filter[limit]", String.valueOf(DEFAULT_LIMIT)));
        } catch (NumberFormatException e) {
            return TelnyxErrorTable.reply("10031", "filter[limit] must be a whole number", null);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return TelnyxErrorTable.reply("10031", "filter[limit] must be from 1 to " + MAX_LIMIT, null);
        }
        Stream<Inventory.ForSale> found = inventory.forSale().stream();
        if (!switches.isOn(TelnyxSwitch.IGNORE_FILTERS)) {
            String country = params.get("filter[country_code]");
            String ndc = params.get("filter[national_destination_code]");
            String startsWith = params.get("filter[phone_number][starts_with]");
            String type = params.get("filter[phone_number_type]");
            if (country != null && !country.equalsIgnoreCase("US")) {
                found = Stream.empty();
            }
            if (ndc != null) {
                found = found.filter(n -> n.ndc().equals(ndc));
            }
            if (startsWith != null) {
                found = found.filter(n -> (ndc != null ? n.subscriber() : n.e164().substring(2)).startsWith(startsWith));
            }
            if (type != null) {
                found = found.filter(n -> n.type().equals(type));
            }
        }
        List<Inventory.ForSale> numbers = found.toList();
        List<Map<String, Object>> data = new ArrayList<>();
        numbers.stream().limit(limit).forEach(n -> data.add(shown(n)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put(switches.isOn(TelnyxSwitch.METADATA_ENVELOPE) ? "metadata" : "meta",
                Map.of("total_results", numbers.size(), "best_effort_results", 0));
        return Reply.json(200, body);
    }

    private static Map<String, Object> shown(Inventory.ForSale number) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("record_type", "available_phone_number");
        shown.put("phone_number", number.e164());
        shown.put("vanity_format", "");
        shown.put("best_effort", false);
        shown.put("quickship", !number.type().equals("toll_free"));
        shown.put("reservable", true);
        List<Map<String, Object>> regions = new ArrayList<>();
        regions.add(region("country_code", "US"));
        if (number.locality() != null) {
            regions.add(region("rate_center", number.locality().toUpperCase(java.util.Locale.ROOT)));
            regions.add(region("state", number.state()));
            regions.add(region("location", number.locality()));
        }
        shown.put("region_information", regions);
        shown.put("cost_information", Map.of("upfront_cost", "1.00", "monthly_cost", "1.00", "currency", "USD"));
        shown.put("features", number.type().equals("toll_free") ? List.of(Map.of("name", "voice"))
                : List.of(Map.of("name", "sms"), Map.of("name", "mms"), Map.of("name", "voice"), Map.of("name", "emergency")));
        return shown;
    }

    private static Map<String, Object> region(String type, String name) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("region_type", type);
        region.put("region_name", name);
        return region;
    }
}
