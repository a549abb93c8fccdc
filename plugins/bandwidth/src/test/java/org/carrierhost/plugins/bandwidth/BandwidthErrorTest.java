package org.carrierhost.plugins.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.Map;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.simulator.Failure;
import org.carrierhost.simulator.Failures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandwidthErrorTest extends SimulatedBandwidth {

    private CarrierException searchFails(BandwidthCarrier carrier) {
        return assertThrows(CarrierException.class, () -> carrier.findNumbers("+1973", 2, SearchOptions.defaults()));
    }

    @Test
    void throttledSearchIsRetriedThenSucceeds() throws Exception {
        simulator.failures().throttle(2);

        assertEquals(2, carrier().findNumbers("+1973", 2, SearchOptions.defaults()).toOffers().size());
        assertEquals(3, simulator.count("GET", "/availableNumbers"));
    }

    @Test
    void persistentThrottleIsRateLimitedAfterMaxRetries() {
        simulator.failures().throttle(Failures.ALWAYS);

        CarrierException e = searchFails(carrier());

        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals(3, simulator.count("GET", "/availableNumbers"), "one try and max_retries=2 retries");
    }

    @Test
    void throttledOrderIsNotRetried() {
        simulator.failures().throttle(1);

        CarrierException e = assertThrows(CarrierException.class,
                () -> carrier().acquireNumber(number("+19733701000")));

        assertEquals(ErrorCode.RATE_LIMITED, e.code());
        assertEquals(1, simulator.count("POST", "/orders"));
    }

    @Test
    void rejectedCredentialsAreUnavailableWithoutCredentialsInTheError() {
        Map<String, String> config = config();
        config.put("username", "alice-operator");
        config.put("password", "hunter2-s3cret");

        CarrierException e = searchFails(carrier(config));

        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, e.code());
        assertEquals("authentication failed", e.getMessage());
        String everything = e.getMessage() + " " + e.detail() + " " + e;
        assertFalse(everything.contains("alice-operator") || everything.contains("hunter2-s3cret"), everything);
    }

    @Test
    void searchRefusedWith4010IsInvalidCarryingTheCode() {
        simulator.failures().switchOn(Failure.SEARCH_INVALID);

        CarrierException e = searchFails(carrier());

        assertEquals(ErrorCode.INVALID, e.code());
        assertTrue(e.detail().contains("4010"), e.detail());
    }

    @Test
    void serverErrorIsCarrierFaultWithTheStatus() {
        simulator.failures().switchOn(Failure.SERVER_ERROR);

        CarrierException e = searchFails(carrier());

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("503"), e.detail());
    }

    @Test
    void refusedConnectionIsCarrierFault() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> config = config();
        config.put("base_url", "http://127.0.0.1:" + closedPort + "/api");

        CarrierException e = searchFails(carrier(config));

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("ConnectException"), e.detail());
    }

    @Test
    void replyWithDoctypeAndExternalEntityIsRefusedAsUnreadable() {
        simulator.failures().switchOn(Failure.XXE_REPLY);

        CarrierException e = searchFails(carrier());

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertEquals("unreadable reply", e.getMessage());
        assertFalse(e.detail().contains("root:"), e.detail());
    }

    @Test
    void missingBaseUrlAndAccountAreNotConfiguredOnEveryCall() {
        BandwidthCarrier carrier = carrier(Map.of("username", "u"));

        CarrierException e = searchFails(carrier);

        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, e.code());
        assertTrue(e.detail().startsWith("not configured: base_url and account_id are required"), e.detail());
        CarrierException again = assertThrows(CarrierException.class, () -> carrier.disconnectNumber(number("+19733701000")));
        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, again.code());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"account_id, ''", "timeout_ms, soon", "order_timeout_ms, -5", "base_url, ftp://example.com/api",
            "base_url, 'http://exa mple'"})
    void missingOrMalformedSettingIsUnavailableNamingTheKey(String key, String value) {
        Map<String, String> config = config();
        config.put(key, value);

        CarrierException e = searchFails(carrier(config));

        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, e.code());
        assertTrue(e.detail().contains(key), e.detail());
    }

    @Test
    void flagsAreBillableCnamAndNotLocal() {
        BandwidthCarrier carrier = carrier();

        assertTrue(carrier.isNumberBillable(number("+19733701000")));
        assertTrue(carrier.shouldLookupCnam());
        assertFalse(carrier.isLocal());
    }
}
