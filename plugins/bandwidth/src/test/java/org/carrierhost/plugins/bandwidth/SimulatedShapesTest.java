package org.carrierhost.plugins.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.simulator.Failure;
import org.junit.jupiter.api.Test;

/** The carrier against the simulator switched to each published variant of Bandwidth's replies. */
class SimulatedShapesTest extends SimulatedBandwidth {

    private static final String NUMBER = "+19733701007";

    private CarrierException acquireFails(BandwidthCarrier carrier) {
        return assertThrows(CarrierException.class, () -> carrier.acquireNumber(number(NUMBER)));
    }

    @Test
    void placementWithoutOrderStatusIsPolledToCompletion() throws Exception {
        simulator.failures().switchOn(Failure.ORDER_PLACED_WITHOUT_STATUS);

        NumberRecord acquired = carrier().acquireNumber(number(NUMBER));

        assertEquals(List.of(NUMBER), acquired.data().get("completed_numbers"));
        assertEquals(3, simulator.count("GET", "/orders/" + acquired.data().get("order_id")));
    }

    @Test
    void statusReadsWithoutOrderStatusCompleteOnceOurNumberIsListed() throws Exception {
        simulator.failures().switchOn(Failure.ORDER_STATUS_MISSING);

        NumberRecord acquired = carrier().acquireNumber(number(NUMBER));

        assertEquals(List.of(NUMBER), acquired.data().get("completed_numbers"));
    }

    @Test
    void pendingOrderWithoutOrderStatusTimesOutSayingItsStateIsUnknown() {
        simulator.failures().switchOn(Failure.ORDER_STATUS_MISSING);
        simulator.failures().switchOn(Failure.ORDER_PENDING);
        Map<String, String> config = config();
        config.put("order_timeout_ms", "150");

        CarrierException e = acquireFails(carrier(config));

        assertEquals(ErrorCode.TIMEOUT, e.code());
        assertTrue(e.detail().contains("state is unknown"), e.detail());
        String polled = simulator.lastRequest().path();
        assertTrue(e.detail().contains(polled.substring(polled.lastIndexOf('/') + 1)), e.detail());
    }

    @Test
    void rejectedOrderKeepsCode5016() {
        simulator.failures().switchOn(Failure.ORDER_REJECTED);

        CarrierException e = acquireFails(carrier());

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("5016: The SiteId submitted is invalid."), e.detail());
    }

    @Test
    void partialOrderListingOurNumberGivesUsTheNumber() throws Exception {
        simulator.failures().switchOn(Failure.ORDER_PARTIAL_WITH_NUMBER);

        assertEquals(List.of(NUMBER), carrier().acquireNumber(number(NUMBER)).data().get("completed_numbers"));
    }

    @Test
    void rejectedDisconnectKeepsItsCode() {
        simulator.failures().switchOn(Failure.DISCONNECT_REJECTED);

        CarrierException e = assertThrows(CarrierException.class, () -> carrier().disconnectNumber(number(NUMBER)));

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("54321"), e.detail());
    }

    @Test
    void disconnectPlacedWithoutOrderStatusIsPolledToCompletion() throws Exception {
        BandwidthCarrier carrier = carrier();
        NumberRecord acquired = carrier.acquireNumber(number(NUMBER));
        simulator.failures().switchOn(Failure.DISCONNECT_PLACED_WITHOUT_STATUS);

        NumberRecord released = carrier.disconnectNumber(acquired);

        assertTrue(simulator.count("GET", "/disconnects/" + released.data().get("disconnect_order_id")) > 0);
        assertTrue(simulator.stock().isAvailable("9733701007"));
    }

    @Test
    void searchDetailRowsNamingTheNumberInTelephoneNumberAreOffers() throws Exception {
        simulator.failures().switchOn(Failure.SEARCH_DETAIL_TELEPHONE_NUMBER);

        assertEquals(2, carrier().findNumbers("+1973", 2, SearchOptions.defaults()).toOffers().size());
    }
}
