package org.carrierhost.simulator.telnyx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Telnyx simulator over loopback HTTP: the published shapes it answers in, and each of its switches. */
class TelnyxSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "KEYtest";

    private TelnyxSimulator simulator;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        simulator = TelnyxSimulator.start(TelnyxSimulatorSettings.defaults().withApiKey(KEY).withPollsUntilSettled(1));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String method, String pathAndQuery, String body) throws Exception {
        HttpResponse<String> response = send(method, pathAndQuery, body, KEY);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private JsonNode order(String number) throws Exception {
        return json("POST", "/number_orders", "{\"phone_numbers\":[{\"phone_number\":\"" + number
                + "\"}],\"customer_reference\":\"ref-1\"}").path("data");
    }

    @Test
    void withoutTheKeyEveryRequestIs401WithCode10009() throws Exception {
        HttpResponse<String> response = send("GET", "/available_phone_numbers", null, "wrong");

        assertEquals(401, response.statusCode());
        assertEquals("10009", JSON.readTree(response.body()).path("errors").get(0).path("code").asText());
    }

    @Test
    void aSearchFiltersByNdcAndStartsWithAfterItWithTotalsUnderMeta() throws Exception {
        JsonNode reply = json("GET", "/available_phone_numbers?filter%5Bnational_destination_code%5D=312"
                + "&filter%5Bphone_number%5D%5Bstarts_with%5D=555011&filter%5Blimit%5D=50", null);

        assertEquals(10, reply.path("data").size(), reply.toString());
        reply.path("data").forEach(n -> assertTrue(n.path("phone_number").asText().startsWith("+1312555011")));
        assertEquals(10, reply.path("meta").path("total_results").asInt());
        JsonNode first = reply.path("data").get(0);
        assertEquals("available_phone_number", first.path("record_type").asText());
        assertTrue(first.path("features").get(0).has("name"));
        assertTrue(first.path("cost_information").has("monthly_cost"));
    }

    @Test
    void ignoreFiltersAndMetadataEnvelopeAnswerUnfilteredNumbersUnderMetadata() throws Exception {
        simulator.switches().switchOn(TelnyxSwitch.IGNORE_FILTERS);
        simulator.switches().switchOn(TelnyxSwitch.METADATA_ENVELOPE);

        JsonNode reply = json("GET", "/available_phone_numbers?filter%5Bnational_destination_code%5D=415&filter%5Blimit%5D=100", null);

        assertTrue(reply.has("metadata") && !reply.has("meta"));
        assertTrue(reply.path("data").toString().contains("+1312"), "numbers from outside 415");
    }

    @Test
    void anOrderIsPendingThenSucceedsAndTheNumberIsHeldWithAnIdFoundByPartialDigits() throws Exception {
        JsonNode placed = order("+13125550100");
        assertEquals("pending", placed.path("status").asText());
        assertEquals("pending", placed.path("phone_numbers").get(0).path("status").asText());

        JsonNode read = json("GET", "/number_orders/" + placed.path("id").asText(), null).path("data");
        assertEquals("success", read.path("phone_numbers").get(0).path("status").asText());

        JsonNode found = json("GET", "/phone_numbers?filter%5Bphone_number%5D=5550100", null).path("data");
        assertEquals("+13125550100", found.get(0).path("phone_number").asText());
        JsonNode byReference = json("GET", "/number_orders?filter%5Bcustomer_reference%5D=ref-1", null).path("data");
        assertEquals(placed.path("id"), byReference.get(0).path("id"));
    }

    @Test
    void aDeleteReleasesTheNumberThenAnswers404() throws Exception {
        JsonNode placed = order("+13125550101");
        json("GET", "/number_orders/" + placed.path("id").asText(), null);
        String id = json("GET", "/phone_numbers?filter%5Bphone_number%5D=13125550101", null).path("data").get(0).path("id").asText();

        JsonNode deleted = json("DELETE", "/phone_numbers/" + id, null).path("data");

        assertEquals("deleted", deleted.path("status").asText());
        assertTrue(simulator.inventory().isForSale("+13125550101"));
        assertEquals(404, send("DELETE", "/phone_numbers/" + id + "x", null, KEY).statusCode());
    }

    @Test
    void neverCompleteKeepsOrdersPendingAndFailOneOfTwoFailsTheSecondNumber() throws Exception {
        simulator.switches().switchOn(TelnyxSwitch.NEVER_COMPLETE);
        JsonNode stuck = order("+13125550102");
        assertEquals("pending", json("GET", "/number_orders/" + stuck.path("id").asText(), null).path("data").path("status").asText());

        simulator.switches().clear();
        simulator.switches().switchOn(TelnyxSwitch.FAIL_ONE_OF_TWO);
        JsonNode two = json("POST", "/number_orders", "{\"phone_numbers\":[{\"phone_number\":\"+13125550103\"},"
                + "{\"phone_number\":\"+13125550104\"}]}").path("data");
        JsonNode settled = json("GET", "/number_orders/" + two.path("id").asText(), null).path("data");

        assertEquals("success", settled.path("phone_numbers").get(0).path("status").asText());
        assertEquals("failure", settled.path("phone_numbers").get(1).path("status").asText());
        assertTrue(simulator.inventory().isForSale("+13125550104"), "a failed number goes back on sale");
    }

    @Test
    void order5xxMakesTheOrderYetAnswers500() throws Exception {
        simulator.switches().switchOn(TelnyxSwitch.ORDER_POST_5XX);

        HttpResponse<String> response = send("POST", "/number_orders",
                "{\"phone_numbers\":[{\"phone_number\":\"+13125550105\"}],\"customer_reference\":\"ref-5\"}", KEY);

        assertEquals(500, response.statusCode());
        assertEquals(1, json("GET", "/number_orders?filter%5Bcustomer_reference%5D=ref-5", null).path("data").size());
    }

    @Test
    void anUnavailableNumberIs85000() throws Exception {
        HttpResponse<String> response = send("POST", "/number_orders", "{\"phone_numbers\":[{\"phone_number\":\"+19995550100\"}]}", KEY);

        assertEquals(422, response.statusCode());
        assertEquals("85000", JSON.readTree(response.body()).path("errors").get(0).path("code").asText());
    }

    @Test
    void aReservationHoldsTheNumberUntilItsExpiredAt() throws Exception {
        JsonNode reservation = json("POST", "/number_reservations",
                "{\"phone_numbers\":[{\"phone_number\":\"+13125550106\"}],\"customer_reference\":\"hold-1\"}").path("data");

        assertEquals("number_reservation", reservation.path("record_type").asText());
        JsonNode held = reservation.path("phone_numbers").get(0);
        assertTrue(Instant.parse(held.path("expired_at").asText()).isAfter(Instant.now()));
        assertEquals(reservation, json("GET", "/number_reservations/" + reservation.path("id").asText(), null).path("data"));
    }

    @Test
    void anExtensionMovesEachNumbersExpiredAtThirtyMinutesFromThenAndAnUnknownReservationIs404() throws Exception {
        JsonNode reservation = json("POST", "/number_reservations",
                "{\"phone_numbers\":[{\"phone_number\":\"+13125550107\"},{\"phone_number\":\"+13125550108\"}]}").path("data");
        Instant before = Instant.now();

        JsonNode extended = json("POST", "/number_reservations/" + reservation.path("id").asText() + "/actions/extend", null).path("data");

        assertEquals(reservation.path("id"), extended.path("id"));
        for (JsonNode number : extended.path("phone_numbers")) {
            Instant until = Instant.parse(number.path("expired_at").asText());
            assertFalse(until.isBefore(before.plusSeconds(1800).minusMillis(1)), number.toString());
        }
        assertEquals(extended, json("GET", "/number_reservations/" + reservation.path("id").asText(), null).path("data"));
        assertEquals(404, send("POST", "/number_reservations/nope/actions/extend", null, KEY).statusCode());
    }

    @Test
    void theAccountsNumbersArePagedByPageNumberAndSizeWithTheTotalsInMeta() throws Exception {
        for (String n : new String[] {"+13125550110", "+13125550111", "+13125550112"}) {
            simulator.inventory().setHeld(n, true);
        }
        simulator.inventory().setHeld("+13125550111", false);
        simulator.inventory().setHeld("+14155550300", true);

        JsonNode first = json("GET", "/phone_numbers?page%5Bnumber%5D=1&page%5Bsize%5D=2", null);
        JsonNode second = json("GET", "/phone_numbers?page%5Bnumber%5D=2&page%5Bsize%5D=2", null);

        assertEquals(java.util.List.of("+13125550110", "+13125550112"), first.path("data").findValuesAsText("phone_number"));
        assertEquals(java.util.List.of("+14155550300"), second.path("data").findValuesAsText("phone_number"));
        assertEquals(2, first.path("meta").path("total_pages").asInt());
        assertEquals(3, second.path("meta").path("total_results").asInt());
        assertEquals(2, second.path("meta").path("page_number").asInt());
        assertFalse(simulator.inventory().isForSale("+13125550110"), "bought at the portal: out of the stock");
        assertTrue(simulator.inventory().isForSale("+13125550111"), "deleted: back in the stock");
        assertEquals(422, send("GET", "/phone_numbers?page%5Bsize%5D=251", null, KEY).statusCode());
    }

    @Test
    void anErrorSwitchAnswersThatCodeWithItsStatusAndThrottleSendsTheResetInEitherForm() throws Exception {
        simulator.switches().answerError("10015");
        HttpResponse<String> invalid = send("GET", "/available_phone_numbers", null, KEY);
        assertEquals(422, invalid.statusCode());
        assertEquals("Bad Request", JSON.readTree(invalid.body()).path("errors").get(0).path("title").asText());

        simulator.switches().clear();
        simulator.switches().throttle(2, Switches.ResetForm.SECONDS, 7);
        assertEquals("7", send("GET", "/available_phone_numbers", null, KEY).headers().firstValue("x-ratelimit-reset").orElseThrow());
        simulator.switches().throttle(1, Switches.ResetForm.EPOCH, 7);
        long epoch = Long.parseLong(send("GET", "/available_phone_numbers", null, KEY).headers()
                .firstValue("x-ratelimit-reset").orElseThrow());
        assertTrue(epoch > Instant.now().getEpochSecond(), "an epoch second ahead");
        assertEquals(200, send("GET", "/available_phone_numbers", null, KEY).statusCode());
    }

    @Test
    void theSwitchesAreChangedOverHttpWithoutTheKey() throws Exception {
        String admin = simulator.baseUrl().replace("/v2", "/_sim/failures");
        HttpResponse<String> on = http.send(HttpRequest.newBuilder(URI.create(admin + "?on=never_complete&error=85001"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertTrue(on.body().contains("never_complete=on") && on.body().contains("error=85001"), on.body());
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(admin + "?on=nonsense"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertFalse(bad.body().isEmpty());
    }
}
