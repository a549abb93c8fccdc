package org.carrierhost.plugins.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.simulator.Failure;
import org.carrierhost.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;

class BandwidthOrderTest extends SimulatedBandwidth {

    private static final String NUMBER = "+19733701005";

    /** The order id the simulator gave: the last path segment of the carrier's status reads. */
    private String lastPolledId(String resource) {
        List<RecordedRequest> reads = simulator.requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().contains("/" + resource + "/")).toList();
        String path = reads.get(reads.size() - 1).path();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void acquireGoesFromReceivedToCompleteAndReturnsTheOrderId() throws Exception {
        NumberRecord acquired = carrier().acquireNumber(number(NUMBER));

        RecordedRequest placed = simulator.requests().get(0);
        assertEquals("POST", placed.method());
        assertTrue(placed.header("Content-Type").orElseThrow().startsWith("application/xml"));
        assertTrue(placed.body().contains("<TelephoneNumber>9733701005</TelephoneNumber>"), placed.body());
        assertTrue(placed.body().contains("<SiteId>" + SITE + "</SiteId><PeerId>" + PEER + "</PeerId>"), placed.body());
        assertEquals(3, simulator.count("GET", lastPolledId("orders")), "RECEIVED twice, then COMPLETE");
        assertEquals(lastPolledId("orders"), acquired.data().get("order_id"));
        assertEquals("carrier-host " + NUMBER, acquired.data().get("order_name"));
        assertEquals(List.of(NUMBER), acquired.data().get("completed_numbers"));
        assertFalse(simulator.stock().isAvailable("9733701005"));
    }

    @Test
    void failedOrderIsCarrierFaultCarrying5018AndTheOrderId() {
        simulator.failures().switchOn(Failure.ORDER_FAILED);

        CarrierException e = assertThrows(CarrierException.class, () -> carrier().acquireNumber(number(NUMBER)));

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("5018: The entire quantity of telephone numbers ordered is unavailable"),
                e.detail());
        assertTrue(e.detail().contains(lastPolledId("orders")), e.detail());
    }

    @Test
    void orderOfANumberAlreadyTakenFailsWith5018() throws Exception {
        carrier().acquireNumber(number(NUMBER));

        CarrierException e = assertThrows(CarrierException.class, () -> carrier().acquireNumber(number(NUMBER)));

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("5018"), e.detail());
    }

    @Test
    void partialOrderWithoutOurNumberIsCarrierFault() {
        simulator.failures().switchOn(Failure.ORDER_PARTIAL);

        CarrierException e = assertThrows(CarrierException.class, () -> carrier().acquireNumber(number(NUMBER)));

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("PARTIAL") && e.detail().contains("5005"), e.detail());
    }

    @Test
    void orderStillPendingPastOrderTimeoutIsTimeoutNamingTheOrder() {
        simulator.failures().switchOn(Failure.ORDER_PENDING);
        Map<String, String> config = config();
        config.put("order_timeout_ms", "150");

        CarrierException e = assertThrows(CarrierException.class, () -> carrier(config).acquireNumber(number(NUMBER)));

        assertEquals(ErrorCode.TIMEOUT, e.code());
        assertTrue(e.detail().contains(lastPolledId("orders")), e.detail());
    }

    @Test
    void interruptEndsAPendingOrderPromptlyAsTimeoutAndKeepsTheFlag() {
        simulator.failures().switchOn(Failure.ORDER_PENDING);
        Map<String, String> config = config();
        config.put("order_timeout_ms", "20000");
        Thread caller = Thread.currentThread();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(caller::interrupt, 200, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();

            CarrierException e = assertThrows(CarrierException.class, () -> carrier(config).acquireNumber(number(NUMBER)));

            assertEquals(ErrorCode.TIMEOUT, e.code());
            assertTrue(Thread.interrupted(), "the interrupt flag is restored");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        } finally {
            timer.shutdownNow();
            Thread.interrupted();
        }
    }

    @Test
    void disconnectReleasesTheNumberAndReturnsTheDisconnectOrderId() throws Exception {
        BandwidthCarrier carrier = carrier();
        NumberRecord acquired = carrier.acquireNumber(number(NUMBER));

        NumberRecord released = carrier.disconnectNumber(acquired);

        RecordedRequest placed = simulator.requests().stream().filter(r -> r.path().endsWith("/disconnects"))
                .findFirst().orElseThrow();
        assertTrue(placed.body().contains("<TelephoneNumber>9733701005</TelephoneNumber>"), placed.body());
        assertEquals(lastPolledId("disconnects"), released.data().get("disconnect_order_id"));
        assertEquals(acquired.data().get("order_id"), released.data().get("order_id"));
        assertTrue(simulator.stock().isAvailable("9733701005"));
    }

    @Test
    void failedDisconnectIsCarrierFaultCarrying5006() {
        CarrierException e = assertThrows(CarrierException.class, () -> carrier().disconnectNumber(number(NUMBER)));

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertTrue(e.detail().contains("5006") && e.detail().contains("not associated with your account"), e.detail());
    }

    @Test
    void orderWithoutSiteIdIsNotConfiguredAndSendsNothing() {
        Map<String, String> config = config();
        config.remove("site_id");

        CarrierException e = assertThrows(CarrierException.class, () -> carrier(config).acquireNumber(number(NUMBER)));

        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, e.code());
        assertTrue(e.detail().contains("site_id"), e.detail());
        assertTrue(simulator.requests().isEmpty());
    }
}
