package org.carrierhost.plugins.telnyx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.InventoryPage;
import org.carrierhost.api.NumberReservation;
import org.carrierhost.api.NumberState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holds and the account's list against fixture bodies in the shapes Telnyx publishes (team-telnyx/openapi, spec3.yml:
 * {@code NumberReservation} with its {@code ReservedPhoneNumber}s, each with its own {@code expired_at}; and the paged
 * {@code /phone_numbers} list with {@code meta.total_pages}).
 */
class ReservationAndInventoryShapesTest {

    private static final String NUMBER = "+13125550142";
    private static final String RESERVATION = "12ade33a-21c0-473b-b055-b3c836e1c292";

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

    @Test
    void aPendingReservationIsReadBackUntilOurNumberSucceedsAndCarriesItsOwnExpiredAt() throws Exception {
        server.on("POST number_reservations", 200, "reservation-pending.json").on("GET number_reservations/*", 200, "reservation-success.json");

        NumberReservation held = carrier().reserveNumber(NUMBER, Duration.ofMinutes(5), "acct-1");

        assertEquals(RESERVATION, held.reference());
        assertEquals(Instant.parse("2026-12-05T08:30:00Z"), held.expiresAt(), "Telnyx's figure, not the 5 minutes asked");
        assertEquals(1, server.count("GET /v2/number_reservations/" + RESERVATION));
    }

    @Test
    void theReservationRequestNamesTheNumberAndTheAccountsHold() throws Exception {
        server.on("POST number_reservations", 200, "reservation-success.json");

        carrier().reserveNumber(NUMBER, Duration.ofMinutes(5), "acct-1");

        assertEquals(List.of("POST /v2/number_reservations"), server.requests());
        assertEquals("carrier-host-hold:acct-1", NumberReservations.referenceFor("acct-1"));
    }

    @Test
    void aNumberWhoseReservationEndsFailureIsNumberExists() {
        server.on("POST number_reservations", 200, "reservation-failure.json");

        CarrierException failed = assertThrows(CarrierException.class, () -> carrier().reserveNumber(NUMBER, Duration.ofMinutes(5), "acct-1"));

        assertEquals(ErrorCode.NUMBER_EXISTS, failed.code());
        assertTrue(failed.detail().contains(RESERVATION), failed.detail());
    }

    @Test
    void anAlreadyReservedNumber85001IsNumberExists() {
        server.on("POST number_reservations", 422, "error-85001.json");

        CarrierException refused = assertThrows(CarrierException.class, () -> carrier().reserveNumber(NUMBER, Duration.ofMinutes(5), "acct-1"));

        assertEquals(ErrorCode.NUMBER_EXISTS, refused.code());
    }

    @Test
    void aReservationStillPendingAtTheTimeoutIsTimeout() {
        server.on("POST number_reservations", 200, "reservation-pending.json").on("GET number_reservations/*", 200, "reservation-pending.json");

        CarrierException late = assertThrows(CarrierException.class, () -> carrier().reserveNumber(NUMBER, Duration.ofMinutes(5), "acct-1"));

        assertEquals(ErrorCode.TIMEOUT, late.code());
    }

    @Test
    void aReleaseSendsNothingBecauseTelnyxHasNoEarlyRelease() throws Exception {
        carrier().releaseReservation(new NumberReservation(NUMBER, RESERVATION, Instant.parse("2026-12-05T08:30:00Z")));

        assertEquals(List.of(), server.requests());
    }

    @Test
    void anExtensionPostsTheExtendActionAndAnswersTheNewExpiredAt() throws Exception {
        server.on("POST number_reservations/*", 200, "reservation-extended.json");

        NumberReservation extended = new NumberReservations(new TelnyxClient(settings()), settings())
                .extend(new NumberReservation(NUMBER, RESERVATION, Instant.parse("2026-12-05T08:30:00Z")));

        assertEquals(Instant.parse("2026-12-05T08:50:00Z"), extended.expiresAt());
        assertEquals(List.of("POST /v2/number_reservations/" + RESERVATION + "/actions/extend"), server.requests());
    }

    @Test
    void theInventoryFollowsMetaTotalPagesLeavesDeletedNumbersOutAndSaysWhatAStatusMeans() throws Exception {
        server.on("GET phone_numbers?page[number]=1&page[size]=2", 200, "phone-numbers-page-1.json")
                .on("GET phone_numbers?page[number]=2&page[size]=2", 200, "phone-numbers-page-2.json");
        TelnyxCarrier carrier = carrier();

        InventoryPage first = carrier.inventory(1, 2);
        InventoryPage second = carrier.inventory(2, 2);

        assertTrue(carrier.listsInventory());
        assertEquals(List.of(new InventoryPage.Entry(NUMBER, NumberState.IN_SERVICE)), first.numbers(), "the deleted one left out");
        assertTrue(first.more());
        assertEquals(List.of(new InventoryPage.Entry("+13125550144", NumberState.PORT_IN), new InventoryPage.Entry("+13125550145", null)),
                second.numbers());
        assertFalse(second.more());
    }

    @Test
    void aHostPageLargerThanTelnyxAllowsIsReadAsTelnyxPagesThatLineUp() throws Exception {
        server.on("GET phone_numbers", 200, "phone-numbers-page-1.json");

        InventoryPage page = carrier().inventory(1, 500);

        assertEquals(List.of("GET /v2/phone_numbers?page[number]=1&page[size]=250", "GET /v2/phone_numbers?page[number]=2&page[size]=250"),
                server.requests(), "host page 1 of 500 is Telnyx's pages 1 and 2 of 250");
        assertFalse(page.more(), "Telnyx's meta says 2 pages in all");
    }

    private TelnyxSettings settings() throws CarrierException {
        return TelnyxSettings.from(new org.carrierhost.api.CarrierConfig(Map.of("base_url", server.baseUrl(), "api_key", Carriers.KEY,
                "order_poll_interval_ms", "10", "order_timeout_ms", "300")));
    }
}
