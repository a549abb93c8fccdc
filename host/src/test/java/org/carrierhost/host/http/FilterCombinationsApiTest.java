package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every combination of one, two and three filters of the search vocabulary through the host over HTTP, against the
 * real mock zip through PF4J (one host for them all): every number answered holds every filter asked, the mock says it
 * applied each, and a combination that some number of the mock's geography holds finds numbers.
 */
class FilterCombinationsApiTest {

    /**
     * One filter asked, and how to tell it of an answered number.
     *
     * @param name  the query parameter
     * @param value its value
     * @param holds whether a number (E.164) with its data holds it
     */
    record Filter(String name, String value, BiPredicate<String, JsonNode> holds) {

        @Override
        public String toString() {
            return name + "=" + value;
        }
    }

    private static final List<Filter> FILTERS = List.of(
            new Filter("area_code", "415", (number, data) -> number.startsWith("+1415")),
            new Filter("locality", "San Francisco", (number, data) -> data.path("locality").asText().equalsIgnoreCase("San Francisco")),
            new Filter("region", "CA", (number, data) -> data.path("region").asText().equalsIgnoreCase("CA")),
            new Filter("postal_code", "94105", (number, data) -> data.path("postal_code").asText().equals("94105")),
            new Filter("contains", "2024", (number, data) -> number.substring(2).contains("2024")),
            new Filter("ends_with", "24", (number, data) -> number.endsWith("24")),
            new Filter("type", "local", (number, data) -> data.path("type").asText().equals("local")),
            new Filter("type", "toll_free", (number, data) -> data.path("type").asText().equals("toll_free")),
            new Filter("features", "sms", (number, data) -> data.path("features").toString().contains("\"sms\"")),
            new Filter("rate_center", "MOCKVILLE", (number, data) -> data.path("rate_center").asText().equalsIgnoreCase("MOCKVILLE")));
    /** The filters only a San Francisco number holds: no toll-free number holds them. */
    private static final List<String> SAN_FRANCISCO = List.of("area_code", "locality", "region", "postal_code");

    @TempDir
    static Path plugins;
    @TempDir
    static Path data;
    private static CarrierHost host;

    @BeforeAll
    static void start() throws IOException {
        TestPlugins.copyMock(plugins);
        host = TestHosts.start(plugins, data, Map.of());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** Every combination of one, two and three of {@link #FILTERS}, each parameter asked once. */
    static Stream<List<Filter>> combinations() {
        List<List<Filter>> all = new ArrayList<>();
        for (int i = 0; i < FILTERS.size(); i++) {
            all.add(List.of(FILTERS.get(i)));
            for (int j = i + 1; j < FILTERS.size(); j++) {
                all.add(List.of(FILTERS.get(i), FILTERS.get(j)));
                for (int k = j + 1; k < FILTERS.size(); k++) {
                    all.add(List.of(FILTERS.get(i), FILTERS.get(j), FILTERS.get(k)));
                }
            }
        }
        return all.stream().filter(c -> c.stream().map(Filter::name).distinct().count() == c.size());
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void everyNumberAnsweredHoldsEveryFilterAsked(List<Filter> filters) {
        String query = filters.stream().map(f -> f.name() + "=" + URLEncoder.encode(f.value(), StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&"));

        Reply found = ApiClient.of(host).get("/api/numbers?carriers=mock&quantity=5&" + query);

        assertEquals(200, found.status(), found.text());
        assertEquals(0, found.json().path("errors").size(), found.text());
        for (JsonNode n : found.json().path("numbers")) {
            for (Filter filter : filters) {
                assertTrue(filter.holds().test(n.path("number").asText(), n.path("data")), filter + " of " + n);
            }
        }
        String applied = found.json().path("carriers").path("mock").path("applied").toString();
        filters.forEach(f -> assertTrue(applied.contains("\"" + f.name() + "\""), f.name() + " applied: " + applied));
        boolean satisfiable = filters.stream().noneMatch(f -> f.value().equals("toll_free"))
                || filters.stream().noneMatch(f -> SAN_FRANCISCO.contains(f.name()));
        assertEquals(satisfiable, !found.json().path("numbers").isEmpty(), found.text());
        assertFalse(found.json().path("carriers").path("mock").has("capped_at"), found.text());
    }
}
