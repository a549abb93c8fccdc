package org.carrierhost.host.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.parts.HostParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The carrier manager over real plugin zips loaded through PF4J, with a real registry. */
class CarrierManagerTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void searchReturnsTheQuantityOfDistinctSortedNumbersUnderThePrefix() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            SearchResponse found = host.manager().find(SearchRequest.of("415", 10));

            List<String> numbers = found.numbers().stream().map(FoundNumber::number).toList();
            assertEquals(10, numbers.stream().distinct().count());
            assertEquals(numbers.stream().sorted().toList(), numbers);
            assertTrue(numbers.stream().allMatch(n -> n.startsWith("+1415")), numbers.toString());
            assertTrue(found.numbers().stream().allMatch(n -> n.carrier().equals("mock")));
            assertEquals(List.of(), found.errors());
        }
    }

    @Test
    void aHungCarrierIsReportedAsTimeoutWhileTheOthersAnswerWithinTheDeadline() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.mockVariant(plugins, "stuck", "1.0.0");
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.stuck.hang", "true",
                "search.timeout_ms", "500"))) {
            long start = System.nanoTime();
            SearchResponse found = host.manager().find(SearchRequest.of("415", 5));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertTrue(elapsedMs < 500 + 1000, "took " + elapsedMs + " ms");
            assertEquals(5, found.numbers().size());
            assertTrue(found.numbers().stream().allMatch(n -> n.carrier().equals("mock")));
            assertEquals(1, found.errors().size());
            StandardError error = found.errors().get(0);
            assertEquals(ErrorCode.TIMEOUT, error.code());
            assertEquals("stuck", error.carrier());
        }
    }

    @Test
    void carriersAreAskedInParallelNotOneAfterAnother() throws Exception {
        for (String id : List.of("slow1", "slow2", "slow3")) {
            TestPlugins.mockVariant(plugins, id, "1.0.0");
        }
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.slow1.latency_ms", "100",
                "carrier.slow2.latency_ms", "100", "carrier.slow3.latency_ms", "100"))) {
            host.manager().find(SearchRequest.of("415", 3));
            long start = System.nanoTime();
            SearchResponse found = host.manager().find(SearchRequest.of("415", 3));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            // One after another cannot take less than 300 ms.
            assertTrue(elapsedMs < 300, "three carriers of 100 ms took " + elapsedMs + " ms");
            assertEquals(List.of(), found.errors());
        }
    }

    @Test
    void aNumberOfferedByTwoCarriersIsAttributedToTheFirstInCarriersOrder() throws Exception {
        TestPlugins.mockVariant(plugins, "alpha", "1.0.0");
        TestPlugins.mockVariant(plugins, "beta", "1.0.0");
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carriers.order", "beta,alpha"))) {
            SearchResponse found = host.manager().find(SearchRequest.of("415", 10));

            assertEquals(10, found.numbers().size());
            assertTrue(found.numbers().stream().allMatch(n -> n.carrier().equals("beta")), found.numbers().toString());
        }
    }

    @Test
    void aFailingCarrierGivesAnErrorEntryAndDoesNotFailTheSearch() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.mockVariant(plugins, "broken", "1.0.0");
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.broken.fail", "carrier_fault"))) {
            SearchResponse found = host.manager().find(SearchRequest.of("+1415", 3));

            assertEquals(3, found.numbers().size());
            assertEquals(ErrorCode.CARRIER_FAULT, found.errors().get(0).code());
            assertEquals("broken", found.errors().get(0).carrier());
            assertTrue(found.errors().get(0).cause().contains("carrier_fault"), found.errors().get(0).cause());
        }
    }

    @Test
    void acquireGoesToTheOfferingCarrierAndIsStoredInService() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            String number = firstOffered(host);

            NumberRecord acquired = host.manager().acquire(number, AcquireRequest.forAccount("acct-1"), "test");

            assertEquals(NumberState.IN_SERVICE, acquired.state());
            assertEquals("mock", acquired.carrier());
            assertTrue(String.valueOf(acquired.data().get("order_id")).startsWith("mock-order-"));
            assertEquals(acquired, HostParts.of(host).registry().find(number).orElseThrow());
        }
    }

    @Test
    void aHeldNumberIsNoLongerOfferedBySearch() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            String number = firstOffered(host);
            host.manager().acquire(number, AcquireRequest.forAccount("acct-1"), "test");

            List<String> again = host.manager().find(SearchRequest.of("415", 5)).numbers().stream().map(FoundNumber::number).toList();

            assertFalse(again.contains(number), again.toString());
        }
    }

    @Test
    void dryRunValidatesAndChangesNothing() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            String number = firstOffered(host);

            NumberRecord preview = host.manager().acquire(number, new AcquireRequest("acct", true, null), "test");

            assertEquals(NumberState.IN_SERVICE, preview.state());
            assertTrue(HostParts.of(host).registry().find(number).isEmpty(), "a dry run stores nothing");
            assertEquals(NumberState.DISCOVERY, host.manager().get(number).state());
            assertEquals(0, HostParts.of(host).carriers().view("mock").orElseThrow().stats().calls() - 1,
                    "only the search called the carrier");
        }
    }

    @Test
    void disconnectOfARemoteNumberReleasesIt() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            String number = firstOffered(host);
            host.manager().acquire(number, AcquireRequest.forAccount("acct"), "test");

            NumberRecord released = host.manager().disconnect(number, "test");

            assertEquals(NumberState.RELEASED, released.state());
            assertEquals(null, released.accountId());
            assertTrue(released.data().containsKey("disconnect_order_id"));
        }
    }

    @Test
    void disconnectOfANumberNotHeldIsAnInvalidStateTransition() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            String number = firstOffered(host);

            StandardException e = assertThrows(StandardException.class, () -> host.manager().disconnect(number, "test"));

            assertEquals(ErrorCode.INVALID_STATE_TRANSITION, e.error().code());
            assertEquals("discovery -> released", e.error().cause());
        }
    }

    @Test
    void aCarrierFailureOnAcquireLeavesTheNumberFreeAndNamesTheCarrier() throws Exception {
        TestPlugins.mockVariant(plugins, "flaky", "1.0.0");
        String number;
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            number = firstOffered(host);
            host.manager().acquire(number, AcquireRequest.forAccount("a"), "test");
            host.manager().disconnect(number, "test");
        }
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.flaky.fail", "carrier_fault"))) {
            StandardException e = assertThrows(StandardException.class,
                    () -> host.manager().acquire(number, AcquireRequest.forAccount("a"), "test"));

            assertEquals(ErrorCode.CARRIER_FAULT, e.error().code());
            assertEquals("flaky", e.error().carrier());
            assertEquals(NumberState.RELEASED, HostParts.of(host).registry().find(number).orElseThrow().state());
        }
    }

    @Test
    void badSearchInputIsInvalid() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            for (SearchRequest bad : List.of(SearchRequest.of("41a", 10), SearchRequest.of("415", 0),
                    SearchRequest.of("415", 501))) {
                StandardException e = assertThrows(StandardException.class, () -> host.manager().find(bad));
                assertEquals(ErrorCode.INVALID, e.error().code(), bad.toString());
            }
        }
    }

    @Test
    void aBlankPrefixSearchesTheWholeCountry() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            List<String> numbers = host.manager().find(SearchRequest.of("", 5)).numbers().stream()
                    .map(offer -> offer.number()).toList();

            assertEquals(5, numbers.size(), numbers.toString());
            assertTrue(numbers.stream().allMatch(n -> n.startsWith("+1")), numbers.toString());
        }
    }

    private static String firstOffered(CarrierHost host) {
        return host.manager().find(SearchRequest.of("415", 1)).numbers().get(0).number();
    }
}
