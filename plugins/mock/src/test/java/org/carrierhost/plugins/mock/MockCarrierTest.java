package org.carrierhost.plugins.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;
import org.junit.jupiter.api.Test;

class MockCarrierTest {

    private static MockCarrier started(Map<String, String> config) throws CarrierException {
        MockCarrier carrier = new MockCarrier();
        carrier.start(CarrierContext.of("mock", new CarrierConfig(config), Path.of("target"), Optional.empty()));
        return carrier;
    }

    @Test
    void offersTheAskedQuantityOfDistinctSortedNumbersUnderThePrefix() throws Exception {
        List<NumberOffer> offers = started(Map.of()).findNumbers("+1415", 10, SearchOptions.defaults()).toOffers();

        List<String> numbers = offers.stream().map(NumberOffer::number).toList();
        assertEquals(10, numbers.stream().distinct().count());
        assertEquals(numbers.stream().sorted().toList(), numbers);
        assertTrue(numbers.stream().allMatch(n -> n.startsWith("+1415") && n.length() == 12), numbers.toString());
    }

    @Test
    void givesTheSameNumbersEveryTime() throws Exception {
        MockCarrier carrier = started(Map.of());
        assertEquals(carrier.findNumbers("+1973", 5, SearchOptions.defaults()),
                carrier.findNumbers("+1973", 5, SearchOptions.defaults()));
    }

    @Test
    void offsetPagesDoNotOverlap() throws Exception {
        MockCarrier carrier = started(Map.of());
        List<NumberOffer> first = carrier.findNumbers("+1415", 5, SearchOptions.defaults()).toOffers();
        List<NumberOffer> second = carrier.findNumbers("+1415", 5, SearchOptions.defaults().withOffset(5)).toOffers();
        assertTrue(first.get(4).number().compareTo(second.get(0).number()) < 0);
    }

    @Test
    void blocksGiveABulkResultOfConsecutiveNumbers() throws Exception {
        SearchOptions blocks = new SearchOptions(0, "US", "+1", null, null, 4, false);
        SearchResult result = started(Map.of()).findNumbers("+1415", 2, blocks);

        SearchResult.Blocks bulk = assertInstanceOfBlocks(result);
        assertEquals(2, bulk.blocks().size());
        assertEquals(List.of("+14159000000", "+14159000001", "+14159000002", "+14159000003"),
                bulk.blocks().get(0).numbers());
        assertEquals(8, result.toOffers().size());
    }

    @Test
    void aFullNumberAsPrefixOffersThatNumberOnly() throws Exception {
        List<NumberOffer> offers = started(Map.of()).findNumbers("+14155550100", 10, SearchOptions.defaults()).toOffers();
        assertEquals(List.of(NumberOffer.of("+14155550100").number()), offers.stream().map(NumberOffer::number).toList());
    }

    @Test
    void acquireAndDisconnectRecordOrderIds() throws Exception {
        MockCarrier carrier = started(Map.of());
        NumberRecord record = new NumberRecord("+14159000000", NumberState.DISCOVERY, "mock", "acct", Map.of());

        NumberRecord acquired = carrier.acquireNumber(record);
        NumberRecord disconnected = carrier.disconnectNumber(acquired);

        assertTrue(String.valueOf(acquired.data().get("order_id")).startsWith("mock-order-"));
        assertTrue(String.valueOf(disconnected.data().get("disconnect_order_id")).startsWith("mock-disconnect-"));
    }

    @Test
    void failThrowsTheConfiguredStandardError() throws Exception {
        MockCarrier carrier = started(Map.of("fail", "carrier_fault"));
        CarrierException e = assertThrows(CarrierException.class,
                () -> carrier.findNumbers("+1415", 1, SearchOptions.defaults()));
        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
    }

    @Test
    void anUnknownFailCodeMakesTheCarrierAnswerMisconfigured() throws Exception {
        MockCarrier carrier = started(Map.of("fail", "exploded"));
        CarrierException e = assertThrows(CarrierException.class,
                () -> carrier.findNumbers("+1415", 1, SearchOptions.defaults()));
        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, e.code());
        assertTrue(e.detail().contains("exploded"), e.detail());
    }

    @Test
    void latencyDelaysEveryCall() throws Exception {
        MockCarrier carrier = started(Map.of("latency_ms", "50"));
        long start = System.nanoTime();
        carrier.findNumbers("+1415", 1, SearchOptions.defaults());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 50);
    }

    @Test
    void hangNeverAnswersUntilInterrupted() throws Exception {
        MockCarrier carrier = started(Map.of("hang", "true"));
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();
        CarrierException e = assertThrows(CarrierException.class,
                () -> carrier.findNumbers("+1415", 1, SearchOptions.defaults()));
        assertEquals(ErrorCode.TIMEOUT, e.code());
        Thread.interrupted();
    }

    private static SearchResult.Blocks assertInstanceOfBlocks(SearchResult result) {
        assertTrue(result instanceof SearchResult.Blocks, "expected a bulk result, got " + result);
        return (SearchResult.Blocks) result;
    }
}
