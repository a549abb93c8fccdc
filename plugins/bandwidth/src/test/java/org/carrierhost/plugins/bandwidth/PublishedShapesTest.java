package org.carrierhost.plugins.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.SearchOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The carrier against fixture bodies in the shapes Bandwidth publishes (numbers.yml and its SDKs' fixtures). */
class PublishedShapesTest {

    private static final String NUMBER = "+19195550142";
    private static final String ORDER_ID = "7f1c2a90-0b5e-4c7e-9a61-2d3e4f5a6b7c";
    private static final String DISCONNECT_ID = "0d6e3b12-88aa-4f0c-b1d2-9c8e7f6a5b4d";

    private ReplayServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ReplayServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BandwidthCarrier carrier(String orderTimeoutMs) {
        return SimulatedBandwidth.carrier(Map.of("base_url", server.baseUrl(), "account_id", "9900000",
                "site_id", "4321", "order_poll_interval_ms", "10", "order_timeout_ms", orderTimeoutMs));
    }

    private CarrierException acquireFails(String orderTimeoutMs) {
        return assertThrows(CarrierException.class,
                () -> carrier(orderTimeoutMs).acquireNumber(SimulatedBandwidth.number(NUMBER)));
    }

    @Test
    void placementWithoutOrderStatusIsPolledByItsIdUntilComplete() throws Exception {
        server.on("POST", "orders", 201, "order-placed-without-status.xml")
                .on("GET", "orders/*", 200, "order-complete.xml");

        NumberRecord acquired = carrier("2000").acquireNumber(SimulatedBandwidth.number(NUMBER));

        assertEquals(ORDER_ID, acquired.data().get("order_id"));
        assertEquals(List.of(NUMBER), acquired.data().get("completed_numbers"));
        assertTrue(server.requests().contains("GET /api/accounts/9900000/orders/" + ORDER_ID), server.requests().toString());
    }

    @Test
    void statusReadsWithoutOrderStatusEndAsTimeoutSayingTheStateIsUnknownWithTheId() {
        server.on("POST", "orders", 201, "order-placed-without-status.xml")
                .on("GET", "orders/*", 200, "order-status-without-status.xml");

        CarrierException e = acquireFails("150");

        assertEquals(ErrorCode.TIMEOUT, e.code());
        assertEquals("bandwidth order state unknown", e.getMessage());
        assertTrue(e.detail().contains(ORDER_ID) && e.detail().contains("state is unknown"), e.detail());
        assertTrue(server.requests().stream().filter(r -> r.startsWith("GET")).count() > 1, "polled again");
    }

    @Test
    void unreadableStatusReadsAreReadAgainAndEndSayingTheStateIsUnknown() {
        server.on("POST", "orders", 201, "order-placed-without-status.xml").on("GET", "orders/*", 502, "");

        CarrierException e = acquireFails("150");

        assertEquals(ErrorCode.TIMEOUT, e.code());
        assertTrue(e.detail().contains(ORDER_ID) && e.detail().contains("502"), e.detail());
    }

    @Test
    void unreadablePlacementIsPolledByTheIdInItsLocationHeader() throws Exception {
        server.on("POST", "orders", 201, "unreadable.txt",
                        Map.of("Location", "https://dashboard.bandwidth.com/api/accounts/9900000/orders/" + ORDER_ID))
                .on("GET", "orders/*", 200, "order-complete.xml");

        NumberRecord acquired = carrier("2000").acquireNumber(SimulatedBandwidth.number(NUMBER));

        assertEquals(ORDER_ID, acquired.data().get("order_id"));
    }

    @Test
    void placementNamingNoIdSaysAnOrderMayExistUnderItsName() {
        server.on("POST", "orders", 201, "order-status-without-status.xml");

        CarrierException e = acquireFails("2000");

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertEquals("bandwidth order state unknown", e.getMessage());
        assertTrue(e.detail().contains("carrier-host " + NUMBER) && e.detail().contains("may exist"), e.detail());
    }

    @Test
    void orderRefusedWithAnErrorListKeepsCode5016AndItsDescription() {
        server.on("POST", "orders", 400, "order-rejected-error-list.xml");

        CarrierException e = acquireFails("2000");

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("5016: The SiteId submitted is invalid."), e.detail());
    }

    @Test
    void responseStatusUnderAnAcceptedStatusKeepsItsCode() {
        server.on("POST", "orders", 201, "order-response-status-under-201.xml");

        CarrierException e = acquireFails("2000");

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("5005: Site 4321 does not belong to this account"), e.detail());
    }

    @Test
    void partialOrderListingOurNumberAsCompletedGivesUsTheNumber() throws Exception {
        server.on("POST", "orders", 201, "order-placed-without-status.xml")
                .on("GET", "orders/*", 200, "order-partial-with-number.xml");

        NumberRecord acquired = carrier("2000").acquireNumber(SimulatedBandwidth.number(NUMBER));

        assertEquals(List.of(NUMBER), acquired.data().get("completed_numbers"));
    }

    @Test
    void failedOrderKeepsTheNumberEachErrorNames() {
        server.on("POST", "orders", 201, "order-placed-without-status.xml")
                .on("GET", "orders/*", 200, "order-failed-per-number-error.xml");

        CarrierException e = acquireFails("2000");

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("5018") && e.detail().contains("(number 9195550142)"), e.detail());
    }

    @Test
    void disconnectRefusedWithAnErrorListKeepsItsCode() {
        server.on("POST", "disconnects", 400, "disconnect-rejected-error-list.xml");

        CarrierException e = assertThrows(CarrierException.class,
                () -> carrier("2000").disconnectNumber(SimulatedBandwidth.number(NUMBER)));

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("54321: Some error description"), e.detail());
    }

    @Test
    void disconnectPlacedWithoutOrderStatusIsPolledUntilItListsTheNumberDisconnected() throws Exception {
        server.on("POST", "disconnects", 201, "disconnect-placed-without-status.xml")
                .on("GET", "disconnects/*", 200, "disconnect-complete.xml");

        NumberRecord released = carrier("2000").disconnectNumber(SimulatedBandwidth.number(NUMBER));

        assertEquals(DISCONNECT_ID, released.data().get("disconnect_order_id"));
        assertTrue(server.requests().contains("GET /api/accounts/9900000/disconnects/" + DISCONNECT_ID));
    }

    @Test
    void searchDetailRowsNamingTheNumberInTelephoneNumberAreOffers() throws Exception {
        server.on("GET", "availableNumbers", 200, "search-detail-telephone-number.xml");

        List<NumberOffer> offers = carrier("2000").findNumbers("+1919", 5, SearchOptions.defaults()).toOffers();

        assertEquals(List.of("+19195550142", "+19195550143"), offers.stream().map(NumberOffer::number).toList());
        assertEquals("RALEIGH", offers.get(0).data().get("rate_center"));
    }

    @Test
    void searchRefusedWithSearchResultErrorAndResultCountIsInvalidWithTheCode() {
        server.on("GET", "availableNumbers", 400, "search-invalid.xml");

        CarrierException e = assertThrows(CarrierException.class,
                () -> carrier("2000").findNumbers("+1919", 5, SearchOptions.defaults()));

        assertEquals(ErrorCode.INVALID, e.code());
        assertTrue(e.detail().contains("4010: One or more required search parameters"), e.detail());
    }
}
