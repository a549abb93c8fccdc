package org.carrierhost.host.plugins.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchResponse;
import org.carrierhost.host.parts.HostParts;
import org.carrierhost.host.plugins.call.BreakerView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each carrier's circuit breaker and bulkhead, against real faulty carrier zips loaded through PF4J: a
 * carrier that breaks is answered at once while its circuit is open, probed once it half-opens, and
 * served again once it closes; a carrier that hangs holds no more threads than its bulkhead allows.
 */
class CircuitBreakerTest {

    private static final Map<String, String> QUICK_BREAKER = Map.of(
            "carrier.sw.breaker.window", "4", "carrier.sw.breaker.minimum_calls", "4",
            "carrier.sw.breaker.open_ms", "1500", "carrier.sw.breaker.half_open_calls", "1");

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void aBreakingCarrierOpensItsCircuitAndIsThenAnsweredAtOnceWithoutBeingCalled() throws Exception {
        TestPlugins.faulty(plugins, "sw", "SwitchableCarrier", null);
        try (CarrierHost host = TestHosts.start(plugins, data, QUICK_BREAKER)) {
            switchDown(true);
            for (int i = 0; i < 4; i++) {
                assertEquals(ErrorCode.CARRIER_FAULT, searchError(host).code());
            }
            long calls = HostParts.of(host).carriers().view("sw").orElseThrow().stats().calls();

            StandardError open = searchError(host);

            assertEquals(ErrorCode.CARRIER_UNAVAILABLE, open.code());
            assertTrue(open.cause().matches("circuit open, retry in [12] s"), open.cause());
            assertEquals(calls, HostParts.of(host).carriers().view("sw").orElseThrow().stats().calls(), "the carrier was not called");
            assertEquals("open", HostParts.of(host).carriers().view("sw").orElseThrow().breaker().state());
            assertEquals(1, TestHosts.eventCount(host, "circuit-open", "sw"));
        }
    }

    @Test
    void anOpenCircuitHalfOpensToProbeAndClosesWhenTheCarrierAnswers() throws Exception {
        TestPlugins.faulty(plugins, "sw", "SwitchableCarrier", null);
        try (CarrierHost host = TestHosts.start(plugins, data, QUICK_BREAKER)) {
            breakIt(host);
            switchDown(false);
            Await.pause(1600);

            SearchResponse probe = host.manager().find(new SearchRequest("415", 1, 0, null, java.util.List.of("sw"), 0, false, null));

            assertEquals(1, probe.numbers().size(), probe.errors().toString());
            assertEquals("closed", HostParts.of(host).carriers().view("sw").orElseThrow().breaker().state());
            assertEquals(1, TestHosts.eventCount(host, "circuit-half-open", "sw"));
            assertEquals(1, TestHosts.eventCount(host, "circuit-closed", "sw"));
        }
    }

    @Test
    void aFailedProbeOpensTheCircuitAgain() throws Exception {
        TestPlugins.faulty(plugins, "sw", "SwitchableCarrier", null);
        try (CarrierHost host = TestHosts.start(plugins, data, QUICK_BREAKER)) {
            breakIt(host);
            Await.pause(1600);

            assertEquals(ErrorCode.CARRIER_FAULT, searchError(host).code());

            assertEquals("open", HostParts.of(host).carriers().view("sw").orElseThrow().breaker().state());
            assertEquals(2, TestHosts.eventCount(host, "circuit-open", "sw"));
        }
    }

    @Test
    void aCarrierThatHangsAndIgnoresInterruptsHoldsNoMoreThreadsThanItsBulkhead() throws Exception {
        TestPlugins.faulty(plugins, "stubborn", "StubbornHangingCarrier", null);
        TestPlugins.copyMock(plugins);
        // The deadline is short, so the hung calls return at once; not so short that a loaded machine (CI beside
        // other builds) misses it for the mock, which answers within a few milliseconds. The hung calls never end, so
        // closing the host waits out the carriers' drain whatever it is: a short one spares the default 10 s.
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("search.timeout_ms", "250",
                "carrier.stubborn.bulkhead.max_calls", "4", "carrier.stubborn.breaker.open_ms", "1",
                "plugins.drain_timeout_ms", "200"))) {
            for (int i = 0; i < 10; i++) {
                host.manager().find(SearchRequest.of("415", 1));
            }
            int before = Thread.activeCount();

            for (int i = 0; i < 1000; i++) {
                SearchResponse found = host.manager().find(SearchRequest.of("415", 1));
                assertEquals(1, found.numbers().size(), "the other carrier serves throughout");
            }

            int after = Thread.activeCount();
            assertTrue(after <= before + 4 + 2, "threads went from " + before + " to " + after);
            BreakerView guard = HostParts.of(host).carriers().view("stubborn").orElseThrow().breaker();
            assertTrue(guard.lingering() <= 4, guard.toString());
            assertTrue(guard.running() <= 4, guard.toString());
        }
    }

    /** Switches the carrier down and searches it until its window of four calls has failed. */
    private void breakIt(CarrierHost host) throws Exception {
        switchDown(true);
        for (int i = 0; i < 4; i++) {
            searchError(host);
        }
    }

    private void switchDown(boolean down) throws Exception {
        Path flag = data.resolve("carriers").resolve("sw").resolve("down");
        if (down) {
            Files.writeString(flag, "down");
        } else {
            Files.delete(flag);
        }
    }

    private static StandardError searchError(CarrierHost host) {
        SearchResponse found = host.manager().find(new SearchRequest("415", 1, 0, null, java.util.List.of("sw"), 0, false, null));
        assertEquals(1, found.errors().size(), found.toString());
        return found.errors().get(0);
    }

}
