package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The search vocabulary through the host over HTTP, with real plugin zips through real PF4J: the mock carrier (which
 * answers every filter), a carrier that claims filters and breaks them ({@code FilterBreakingCarrier} of the faulty
 * plugins), and {@code legacy}, the mock as built against the api before the vocabulary (a zip kept as a fixture).
 */
class SearchVocabularyApiTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    private CarrierHost host;
    private ApiClient api;

    @BeforeEach
    void start() throws IOException {
        TestPlugins.copyMock(plugins);
        TestPlugins.faulty(plugins, "breaker", "FilterBreakingCarrier", null);
        Path legacy = Files.createTempFile(data, "legacy", ".zip");
        try (InputStream in = getClass().getResourceAsStream("/org/carrierhost/host/numbers/carrier-mock-api-before-search-vocabulary.zip")) {
            Files.copy(in, legacy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        TestPlugins.rewrite(legacy, plugins.resolve("carrier-legacy-1.0.0.zip"), Map.of("plugin.properties",
                text -> text.replaceAll("(?m)^plugin.id=.*$", "plugin.id=legacy")));
        Files.delete(legacy);
        host = TestHosts.start(plugins, data, Map.of());
        api = ApiClient.of(host);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private Reply search(String query) {
        Reply reply = api.get("/api/numbers?" + query);
        assertEquals(200, reply.status(), reply.text());
        return reply;
    }

    private static List<JsonNode> numbers(Reply reply) {
        List<JsonNode> numbers = new ArrayList<>();
        reply.json().path("numbers").forEach(numbers::add);
        assertFalse(numbers.isEmpty(), "some numbers found: " + reply.text());
        return numbers;
    }

    private static List<String> listed(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void anAreaCodeAloneReturnsOnlyNumbersOfThatAreaCode() {
        Reply found = search("area_code=212&quantity=5&carriers=mock");

        numbers(found).forEach(n -> assertTrue(n.path("number").asText().startsWith("+1212"), found.text()));
        assertEquals(5, found.json().path("numbers").size());
        assertEquals(List.of("area_code"), listed(found.json().path("carriers").path("mock").path("applied")));
    }

    @Test
    void aLocalityAndRegionReturnOnlyNumbersOfThatPlaceAndSaySo() {
        Reply found = search("locality=" + encoded("San Francisco") + "&region=CA&quantity=5&carriers=mock");

        for (JsonNode n : numbers(found)) {
            assertEquals("San Francisco", n.path("data").path("locality").asText(), found.text());
            assertEquals("CA", n.path("data").path("region").asText(), found.text());
            assertTrue(n.path("number").asText().startsWith("+1415"), found.text());
        }
        assertEquals(List.of("locality", "region"), listed(found.json().path("carriers").path("mock").path("applied")));
    }

    @Test
    void containsAndEndsWithReturnOnlyNumbersWithThoseDigits() {
        Reply containing = search("prefix=415&contains=2024&quantity=5&carriers=mock");
        Reply ending = search("area_code=973&ends_with=77&quantity=5&carriers=mock");

        numbers(containing).forEach(n -> assertTrue(n.path("number").asText().substring(2).contains("2024"), containing.text()));
        numbers(ending).forEach(n -> assertTrue(n.path("number").asText().matches("\\+1973[0-9]{5}77"), ending.text()));
        assertEquals(5, ending.json().path("numbers").size());
        assertEquals(List.of("area_code", "ends_with"), listed(ending.json().path("carriers").path("mock").path("applied")));
    }

    @Test
    void aTollFreeTypeReturnsOnlyTollFreeNumbersAndItsAliasToo() {
        Reply typed = search("type=toll_free&quantity=5&carriers=mock");
        Reply aliased = search("toll_free=true&quantity=5&carriers=mock");

        for (JsonNode n : numbers(typed)) {
            assertTrue(n.path("number").asText().matches("\\+18(00|88)[0-9]{7}"), typed.text());
            assertEquals("toll_free", n.path("data").path("type").asText());
        }
        assertEquals(typed.json().path("numbers"), aliased.json().path("numbers"));
    }

    @Test
    void aFeatureReturnsOnlyNumbersThatHaveIt() {
        Reply found = search("prefix=415&features=sms,voice&quantity=6&carriers=mock");

        for (JsonNode n : numbers(found)) {
            assertTrue(listed(n.path("data").path("features")).containsAll(List.of("sms", "voice")), found.text());
            // The mock gives sms only to numbers with an even last digit: the odd ones were left out.
            assertTrue("02468".indexOf(n.path("number").asText().charAt(11)) >= 0, found.text());
        }
        assertEquals(6, found.json().path("numbers").size());
    }

    @Test
    void aCarrierBuiltAgainstTheApiBeforeTheVocabularyLoadsAndAnswersPrefixSearches() {
        Reply found = search("prefix=415&quantity=3&carriers=legacy");

        assertEquals(List.of("+14159000000", "+14159000001", "+14159000002"),
                numbers(found).stream().map(n -> n.path("number").asText()).toList());
        assertEquals("STARTED", api.get("/api/carriers/legacy").json().path("state").asText());
        assertEquals("none", api.get("/api/carriers/legacy").json().path("capabilities").path("filters").path("locality").asText());
    }

    @Test
    void aCarrierThatCannotAnswerAFilterTheHostCannotCheckIsSkippedWithItsReason() {
        Reply found = search("locality=Chicago&region=IL&quantity=3&carriers=legacy,mock");

        JsonNode skipped = found.json().path("skipped");
        assertEquals(1, skipped.size(), found.text());
        assertEquals("legacy", skipped.get(0).path("carrier").asText());
        assertTrue(skipped.get(0).path("reason").asText().contains("cannot apply locality"), found.text());
        assertEquals(0, found.json().path("errors").size(), found.text());
        numbers(found).forEach(n -> assertEquals("Chicago", n.path("data").path("locality").asText()));
        assertFalse(found.json().path("carriers").has("legacy"), found.text());
    }

    @Test
    void aFilterACarrierIgnoresButTheHostCanCheckIsCheckedOnItsOffers() {
        Reply found = search("prefix=415&ends_with=3&quantity=2&carriers=legacy");

        numbers(found).forEach(n -> assertTrue(n.path("number").asText().endsWith("3"), found.text()));
        JsonNode legacy = found.json().path("carriers").path("legacy");
        assertEquals(List.of("ends_with"), listed(legacy.path("ignored")));
        assertTrue(legacy.path("dropped").asInt() > 0, found.text());
    }

    @Test
    void offersThatBreakAFilterTheCarrierClaimsAreDroppedAndCounted() {
        Reply found = search("prefix=415&ends_with=2024&locality=Springfield&region=IL&features=sms&quantity=4&carriers=breaker");

        for (JsonNode n : numbers(found)) {
            assertTrue(n.path("number").asText().endsWith("2024"), found.text());
            assertEquals("Springfield", n.path("data").path("locality").asText());
        }
        JsonNode breaker = found.json().path("carriers").path("breaker");
        assertEquals(List.of("ends_with", "locality", "region", "features"), listed(breaker.path("applied")));
        assertTrue(breaker.path("dropped").asInt() >= 4, found.text());
        String metrics = api.get("/metrics").text();
        assertTrue(metrics.contains("carrierhost_search_dropped_total{carrier=\"breaker\""), metrics);
    }

    @Test
    void aTypeACarrierDoesNotServeSkipsIt() {
        Reply found = api.get("/api/numbers?type=mobile&carriers=mock");

        assertEquals(200, found.status(), found.text());
        assertEquals("mock", found.json().path("skipped").get(0).path("carrier").asText());
        assertTrue(found.json().path("skipped").get(0).path("reason").asText().contains("not mobile"), found.text());
    }

    @Test
    void aCarrierShowsItsCapabilities() {
        JsonNode capabilities = api.get("/api/carriers/mock").json().path("capabilities");

        assertEquals("native", capabilities.path("filters").path("locality").asText(), capabilities.toString());
        assertEquals(List.of("local", "toll_free"), listed(capabilities.path("types")));
        assertEquals(500, capabilities.path("max_quantity").asInt());
        assertTrue(listed(capabilities.path("attributes")).contains("features"), capabilities.toString());
    }

    @Test
    void anUnknownParameterOrAMalformedValueIsRefusedNamingIt() {
        Map<String, String> refusals = Map.of("lcality=Chicago", "lcality", "area_code=41x", "area_code",
                "features=sms,telepathy", "features", "type=landline", "type", "exact=maybe", "exact",
                "ends_with=12a", "ends_with", "prefix=415&area_code=212", "area_code");
        refusals.forEach((query, named) -> {
            Reply reply = api.get("/api/numbers?" + query);
            assertEquals(400, reply.status(), query + ": " + reply.text());
            assertTrue(reply.json().path("error").path("message").asText().contains(named), query + ": " + reply.text());
        });
    }
}
