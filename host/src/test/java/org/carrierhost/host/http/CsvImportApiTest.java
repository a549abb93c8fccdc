package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/numbers/import?carrier=local} with a CSV body over real HTTP, into the real local carrier's stock in a
 * real H2 registry: a header row names the columns, and the attributes are searchable as a JSON import's are.
 */
class CsvImportApiTest {

    private static final String CSV = "number,locality,region,rate_center,postal_code,type,features\r\n"
            + "+14155550100,San Francisco,CA,SNFC CA,94105,local,sms;voice\r\n"
            + "+14155550101,\"San Francisco\",CA,,,local,voice\r\n"
            + "\r\n"
            + "+18005552024,,,,,toll_free,\r\n";

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.withCarriers("local").withHttp();

    private Reply importCsv(String query, String csv) {
        return ApiClient.of(carriers.host()).send("POST", "/api/numbers/import" + query, csv.getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=utf-8");
    }

    private List<String> found(String query) {
        Reply reply = ApiClient.of(carriers.host()).get("/api/numbers?carriers=local&" + query);
        assertEquals(200, reply.status(), reply.text());
        return reply.numbers();
    }

    @Test
    void aCsvWithAttributeColumnsIsImportedAndEachAttributeIsSearchable() {
        Reply imported = importCsv("?carrier=local", CSV);

        assertEquals(200, imported.status(), imported.text());
        assertEquals(3, imported.json().path("added").asInt(), imported.text());
        assertEquals(List.of("+14155550100", "+14155550101"), found("locality=San%20Francisco&region=CA"));
        assertEquals(List.of("+14155550100"), found("features=sms&rate_center=SNFC%20CA&postal_code=94105"));
        assertEquals(List.of("+18005552024"), found("type=toll_free"));
        JsonNode data = ApiClient.of(carriers.host()).get("/api/numbers?carriers=local&features=sms").json()
                .path("numbers").get(0).path("data");
        assertEquals("[\"sms\",\"voice\"]", data.path("features").toString(), data.toString());
    }

    @Test
    void theColumnsMayComeInAnyOrderAndOnlyNumberIsRequired() {
        Reply imported = importCsv("?carrier=local", "region,number\nIL,+13125550100\n");

        assertEquals(200, imported.status(), imported.text());
        assertEquals(List.of("+13125550100"), found("region=IL"));
    }

    /** Each bad CSV, and what the 400 names. */
    static Stream<Arguments> badCsvs() {
        return Stream.of(
                Arguments.of("number,lcality\n+14155550100,San Francisco\n", "CSV column 'lcality' is unknown"),
                Arguments.of("number,region,region\n+14155550100,CA,CA\n", "CSV column 'region' is named twice"),
                Arguments.of("number,features\n+14155550100,sms\n+14155550101,sms;telepathy\n", "CSV line 3.features"),
                Arguments.of("number,type\n+14155550100,local\n+14155550101,landline\n", "CSV line 3.type must be local, toll_free or mobile"),
                Arguments.of("number,region\n+14155550100,CA\n+14155550101,CA,extra\n", "CSV line 3 has 3 fields"),
                Arguments.of("number,locality\n+14155550100,\"San Francisco\n", "CSV line 2 has a quote that is not closed"),
                Arguments.of("locality,region\nSan Francisco,CA\n", "the CSV has no number column"),
                Arguments.of("\n\n", "the CSV has no header row"));
    }

    @ParameterizedTest
    @MethodSource("badCsvs")
    void aBadColumnRowOrValueIsInvalidNamingItAndNothingIsImported(String csv, String named) {
        assertRefused(importCsv("?carrier=local", csv), named);
    }

    @Test
    void aCsvImportWithoutACarrierInTheQueryIsInvalidNamingIt() {
        assertRefused(importCsv("", CSV), "carrier is required");
    }

    private void assertRefused(Reply refused, String named) {
        assertEquals(400, refused.status(), refused.text());
        assertEquals("invalid", refused.error(), refused.text());
        assertTrue(refused.json().path("error").path("message").asText().contains(named), refused.text());
        assertEquals(List.of(), found("region=CA"), "nothing was imported");
    }
}
