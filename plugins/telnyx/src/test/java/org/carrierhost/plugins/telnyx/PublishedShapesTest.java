package org.carrierhost.plugins.telnyx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * The carrier against fixture bodies written in the shapes Telnyx publishes (team-telnyx/openapi, spec3.yml:
 * {@code /available_phone_numbers}, {@code /number_orders}, {@code /phone_numbers} and the {@code Errors} body), one
 * test per shape the carrier reads.
 */
class PublishedShapesTest {

    private static final String NUMBER = "+13125550142";
    private static final String ORDER_ID = "9b4a7f3e-2c1d-4e5f-8a6b-7c8d9e0f1a2b";
    private static final String PHONE_NUMBER_ID = "1293384261075731401";

    private ReplayServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ReplayServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TelnyxCarrier carrier() {
        return Carriers.started(server.baseUrl(), Map.of("order_timeout_ms", "300"));
    }

    private List<NumberOffer> search(String prefix) throws CarrierException {
        return carrier().findNumbers(prefix, 5, SearchOptions.defaults()).toOffers();
    }

    private CarrierException acquireFails() {
        return assertThrows(CarrierException.class, () -> carrier().acquireNumber(Carriers.number(NUMBER)));
    }

    @Test
    void searchDataWithTotalsUnderMetadataGivesOffersWithRegionCostFeaturesAndFlags() throws Exception {
        server.on("GET available_phone_numbers", 200, "search-metadata.json");

        List<NumberOffer> offers = search("+1312");

        assertEquals(List.of("+13125550142", "+13125550143"), offers.stream().map(NumberOffer::number).toList());
        Map<String, Object> first = offers.get(0).data();
        assertEquals("CHICAGO ZONE 1", first.get("rate_center"));
        assertEquals("IL", first.get("state"));
        assertEquals("US", first.get("country_code"));
        assertEquals("1.00", first.get("monthly_cost"));
        assertEquals("USD", first.get("currency"));
        assertEquals(List.of("sms", "mms", "voice", "fax", "emergency"), first.get("features"));
        assertEquals(true, first.get("reservable"));
        assertEquals(true, first.get("quickship"));
        assertEquals(false, first.get("best_effort"));
        assertEquals(true, offers.get(1).data().get("best_effort"));
    }

    @Test
    void searchDataWithTotalsUnderMetaAsSpec3HasThemIsReadTheSame() throws Exception {
        server.on("GET available_phone_numbers", 200, "search-meta.json");

        List<NumberOffer> offers = search("+1312");

        assertEquals(List.of("+13125550177"), offers.stream().map(NumberOffer::number).toList());
        assertEquals(1, AvailableNumbers.read(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(ReplayServer.fixture("search-meta.json"))).totalResults().getAsInt());
    }

    @Test
    void anUnfilteredSearchReplyKeepsTheMatchingNumberFirstAndPassesStraysOnForTheHostToDrop() throws Exception {
        server.on("GET available_phone_numbers", 200, "search-unfiltered.json");

        List<NumberOffer> offers = search("+1312");

        assertEquals("+13125550142", offers.get(0).number());
        assertEquals(List.of("+14155550100", "+442079460000"), offers.subList(1, offers.size()).stream()
                .map(NumberOffer::number).toList(), "outside +1312: left to the host, which drops and reports them");
    }

    @Test
    void aPendingOrderIsPolledUntilOurNumberSucceedsAndItsIdsAreKept() throws Exception {
        server.on("GET number_orders", 200, "orders-none.json").on("POST number_orders", 200, "order-pending.json")
                .on("GET number_orders/*", 200, "order-success.json")
                .on("GET phone_numbers", 200, "phone-numbers-partial.json");

        NumberRecord acquired = carrier().acquireNumber(Carriers.number(NUMBER));

        assertEquals(ORDER_ID, acquired.data().get("order_id"));
        assertEquals(PHONE_NUMBER_ID, acquired.data().get("phone_number_id"), "the exact E.164 of a partial match");
        assertEquals("carrier-host:" + NUMBER, acquired.data().get("customer_reference"));
        assertEquals(1, server.count("GET /v2/number_orders/" + ORDER_ID));
    }

    @Test
    void anOrderWhoseOwnStatusIsFailureStillBuysOurNumberWhenOurLineSucceeded() throws Exception {
        server.on("GET number_orders", 200, "orders-none.json").on("POST number_orders", 200, "order-pending.json")
                .on("GET number_orders/*", 200, "order-ours-succeeded-other-failed.json")
                .on("GET phone_numbers", 200, "phone-numbers-partial.json");

        NumberRecord acquired = carrier().acquireNumber(Carriers.number(NUMBER));

        assertEquals(ORDER_ID, acquired.data().get("order_id"));
    }

    @Test
    void anOrderWhoseOwnStatusIsSuccessFailsWhenOurLineFailed() {
        server.on("GET number_orders", 200, "orders-none.json").on("POST number_orders", 200, "order-pending.json")
                .on("GET number_orders/*", 200, "order-ours-failed-other-succeeded.json");

        CarrierException failed = acquireFails();

        assertEquals(ErrorCode.CARRIER_FAULT, failed.code());
        assertTrue(failed.detail().contains(ORDER_ID) && failed.detail().contains(NUMBER + " status failure"), failed.detail());
    }

    @Test
    void aFailedOrderIsCarrierFaultNamingTheOrderAndUnmetRequirements() {
        server.on("GET number_orders", 200, "orders-none.json").on("POST number_orders", 200, "order-pending.json")
                .on("GET number_orders/*", 200, "order-failure.json");

        CarrierException failed = acquireFails();

        assertEquals(ErrorCode.CARRIER_FAULT, failed.code());
        assertTrue(failed.detail().contains("requirements_met=false"), failed.detail());
    }

    @Test
    void anOrderStillPendingAtTheTimeoutIsTimeoutTelnyxOrderStateUnknown() {
        server.on("GET number_orders", 200, "orders-none.json").on("POST number_orders", 200, "order-pending.json")
                .on("GET number_orders/*", 200, "order-pending.json");

        CarrierException failed = acquireFails();

        assertEquals(ErrorCode.TIMEOUT, failed.code());
        assertEquals("telnyx order state unknown", failed.getMessage());
        assertTrue(failed.detail().contains(ORDER_ID) && failed.detail().contains("still pending"), failed.detail());
        assertEquals(Map.of("order_id", ORDER_ID, "customer_reference", "carrier-host:" + NUMBER), failed.data(),
                "the order is left for the host to keep on the record");
    }

    @Test
    void anOrderFoundByItsCustomerReferenceIsFollowedAndNeverPostedAgain() throws Exception {
        server.on("GET number_orders", 200, "orders-by-reference.json")
                .on("GET number_orders/*", 200, "order-success.json")
                .on("GET phone_numbers", 200, "phone-numbers-partial.json")
                .on("POST number_orders", 200, "order-pending.json");

        NumberRecord acquired = carrier().acquireNumber(Carriers.number(NUMBER));

        assertEquals(ORDER_ID, acquired.data().get("order_id"));
        assertEquals(0, server.count("POST"), server.requests().toString());
        assertTrue(server.requests().get(0).contains("filter[customer_reference]=carrier-host:+13125550142"),
                server.requests().toString());
    }

    @Test
    void aServerErrorOnTheOrderPostIsLookedUpNotPostedAgainAndSaysSoWhenNothingIsFound() {
        server.on("GET number_orders", 200, "orders-none.json").on("POST number_orders", 500, "error-10007.json");

        CarrierException failed = acquireFails();

        assertEquals(ErrorCode.CARRIER_FAULT, failed.code());
        assertEquals("telnyx order state unknown", failed.getMessage());
        assertTrue(failed.detail().contains("10007") && failed.detail().contains("not sent again"), failed.detail());
        assertEquals(1, server.count("POST /v2/number_orders"));
        assertEquals(2, server.count("GET /v2/number_orders?"), "looked up before and after the POST");
    }

    @Test
    void anErrorsBodyKeepsCodeTitleDetailAndSourceInTheCause() {
        server.on("GET number_orders", 200, "orders-none.json").on("POST number_orders", 422, "error-10015-pointer.json");

        CarrierException failed = acquireFails();

        assertEquals(ErrorCode.INVALID, failed.code());
        assertTrue(failed.detail().contains("10015 Bad Request: must be present (source /phone_numbers)"), failed.detail());
    }

    @Test
    void code85001IsNumberExistsWithItsCodeInTheCause() {
        server.on("GET number_orders", 200, "orders-none.json").on("POST number_orders", 422, "error-85001.json");

        CarrierException failed = acquireFails();

        assertEquals(ErrorCode.NUMBER_EXISTS, failed.code());
        assertTrue(failed.detail().contains("85001"), failed.detail());
    }

    @Test
    void a401ErrorsBodyIsCarrierUnavailableWithoutTheKey() {
        server.on("GET available_phone_numbers", 401, "error-10009.json");

        CarrierException failed = assertThrows(CarrierException.class, () -> search("+1312"));

        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, failed.code());
        assertTrue(failed.detail().contains("10009"), failed.detail());
        assertFalse(failed.detail().contains(Carriers.KEY));
    }

    @Test
    void a429ErrorsBodyPastTheRetriesIsRateLimitedWithCode10011() {
        server.on("GET available_phone_numbers", 429, "error-10011.json", Map.of("x-ratelimit-reset", "0"));

        CarrierException failed = assertThrows(CarrierException.class, () -> search("+1312"));

        assertEquals(ErrorCode.RATE_LIMITED, failed.code());
        assertTrue(failed.detail().contains("10011"), failed.detail());
        assertEquals(3, server.count("GET /v2/available_phone_numbers"), "tried once and retried max_retries (2) times");
    }

    @Test
    void aDisconnectDeletesByTheKeptIdAndReadsTheDeletedReply() throws Exception {
        server.on("DELETE phone_numbers/*", 200, "phone-number-deleted.json");

        NumberRecord released = carrier().disconnectNumber(Carriers.number(NUMBER).withData(Map.of("phone_number_id", PHONE_NUMBER_ID)));

        assertEquals("deleted", released.data().get("released"));
        assertEquals(List.of("DELETE /v2/phone_numbers/" + PHONE_NUMBER_ID), server.requests());
    }

    @Test
    void aDisconnectWithoutAnIdLooksItUpPickingTheExactNumberOfAPartialMatch() throws Exception {
        server.on("GET phone_numbers", 200, "phone-numbers-partial.json")
                .on("DELETE phone_numbers/*", 200, "phone-number-deleted.json");

        carrier().disconnectNumber(Carriers.number(NUMBER));

        assertEquals("GET /v2/phone_numbers?filter[phone_number]=13125550142&page[size]=250", server.requests().get(0),
                "the largest page, so the partial matches fit");
        assertEquals("DELETE /v2/phone_numbers/" + PHONE_NUMBER_ID, server.requests().get(1));
    }

    @Test
    void aDisconnectOfANumberAlreadyGoneCountsAsReleased() throws Exception {
        server.on("DELETE phone_numbers/*", 404, "error-10005.json");

        NumberRecord released = carrier().disconnectNumber(Carriers.number(NUMBER).withData(Map.of("phone_number_id", PHONE_NUMBER_ID)));

        assertEquals("already gone at telnyx", released.data().get("released"));
    }

    @Test
    void aDisconnectOfANumberListedOnlyAsDeletedCountsAsReleasedWithoutADelete() throws Exception {
        server.on("GET phone_numbers", 200, "phone-numbers-deleted-only.json");

        NumberRecord released = carrier().disconnectNumber(Carriers.number(NUMBER));

        assertEquals("not held at telnyx", released.data().get("released"));
        assertEquals(0, server.count("DELETE"));
    }
}
