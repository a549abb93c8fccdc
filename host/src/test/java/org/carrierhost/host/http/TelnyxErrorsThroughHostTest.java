package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.simulator.telnyx.Switches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each Telnyx error the carrier maps, answered by the simulator, through the host's HTTP API: the standard error,
 * with Telnyx's own code (and title) in {@code cause}; and 429s, whose reset header is read in both its forms.
 */
class TelnyxErrorsThroughHostTest extends TelnyxHostFixture {

    /** The carrier's entry in a search that the simulator answers with Telnyx error {@code code}. */
    private JsonNode searchEntryFor(String code) {
        simulator.switches().answerError(code);
        Reply reply = api().get("/api/numbers?prefix=1312&quantity=2&carriers=telnyx");
        assertEquals(200, reply.status(), reply.text());
        assertEquals(0, reply.json().path("numbers").size(), reply.text());
        return reply.json().path("errors").get(0);
    }

    @ParameterizedTest(name = "Telnyx {0} is {1}")
    @CsvSource({
            "10009, carrier_unavailable, telnyx refused the credentials",
            "10010, carrier_unavailable, telnyx: not authorised",
            "10005, not_found, not found at telnyx",
            "10015, invalid, telnyx refused the request as invalid",
            "10016, invalid, telnyx refused the request as invalid",
            "10031, invalid, telnyx refused the request as invalid",
            "85000, number_exists, the number is not available at telnyx",
            "85001, number_exists, the number is not available at telnyx",
            "10011, rate_limited, telnyx is throttling requests",
            "10007, carrier_fault, telnyx server error",
            "10008, carrier_fault, telnyx server error"})
    void eachMappedErrorIsTheStandardErrorWithTelnyxsCodeInTheCause(String code, String error, String message) {
        JsonNode entry = searchEntryFor(code);

        assertEquals("telnyx", entry.path("carrier").asText(), entry.toString());
        assertEquals(error, entry.path("error").asText(), entry.toString());
        assertEquals(message, entry.path("message").asText(), entry.toString());
        assertTrue(entry.path("cause").asText().contains(code + " "), entry.toString());
        assertFalse(entry.toString().contains(API_KEY), entry.toString());
    }

    @Test
    void aWrongKeyIsCarrierUnavailableWithoutEchoingTheKey() {
        restartWith(java.util.Map.of("carrier.telnyx.api_key", "KEYwrong-0000"));

        Reply reply = api().get("/api/numbers?prefix=1312&quantity=2&carriers=telnyx");

        JsonNode entry = reply.json().path("errors").get(0);
        assertEquals("carrier_unavailable", entry.path("error").asText(), reply.text());
        assertTrue(entry.path("cause").asText().contains("10009"), reply.text());
        assertFalse(reply.text().contains("KEYwrong-0000"), reply.text());
    }

    @Test
    void anOrderForANumberTelnyxNoLongerHasIs409WithCode85000InTheCause() throws Exception {
        String number = offered("1312");
        boughtElsewhere(number);

        Reply reply = acquire(number);

        assertEquals(409, reply.status(), reply.text());
        assertEquals("number_exists", reply.error());
        assertTrue(cause(reply).contains("85000"), reply.text());
    }

    /** Two seconds ahead: as an epoch second that is more than one second from now, whatever the fraction. */
    @ParameterizedTest(name = "x-ratelimit-reset as {0}")
    @CsvSource({"seconds", "epoch"})
    void aThrottledSearchWaitsOutTheResetInEitherFormAndSucceeds(String form) {
        simulator.switches().throttle(1, Switches.ResetForm.valueOf(form.toUpperCase(java.util.Locale.ROOT)), 2);

        long began = System.nanoTime();
        Reply reply = api().get("/api/numbers?prefix=1312&quantity=2&carriers=telnyx");
        long tookMs = (System.nanoTime() - began) / 1_000_000;

        assertEquals(2, reply.json().path("numbers").size(), reply.text());
        assertEquals(0, reply.json().path("errors").size(), reply.text());
        assertTrue(tookMs >= 900, "waited for the reset, took " + tookMs + " ms");
    }

    @Test
    void aResetBeyondTheSearchDeadlineIsRateLimitedAtOnceWithoutWaiting() {
        simulator.switches().throttle(1, Switches.ResetForm.EPOCH, 3600);

        long began = System.nanoTime();
        Reply reply = api().get("/api/numbers?prefix=1312&quantity=2&carriers=telnyx");
        long tookMs = (System.nanoTime() - began) / 1_000_000;

        JsonNode entry = reply.json().path("errors").get(0);
        assertEquals("rate_limited", entry.path("error").asText(), reply.text());
        assertTrue(entry.path("cause").asText().contains("10011"), reply.text());
        assertTrue(tookMs < 3000, "did not wait for an hour's reset: " + tookMs + " ms");
    }

    /** Buys {@code number} at the simulator directly, as another customer of Telnyx would. */
    private void boughtElsewhere(String number) throws Exception {
        HttpResponse<String> bought = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(simulator.baseUrl() + "/number_orders"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone_numbers\":[{\"phone_number\":\"" + number
                        + "\"}],\"customer_reference\":\"someone else\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bought.statusCode(), bought.body());
    }
}
