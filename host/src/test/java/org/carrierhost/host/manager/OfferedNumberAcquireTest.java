package org.carrierhost.host.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.parts.HostParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acquire reaches the carrier that offers the number whether or not this host still remembers the
 * offer: searches keep offers in memory only, and a number the host does not remember is asked of the
 * carriers themselves.
 */
class OfferedNumberAcquireTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void aNumberOnlyOfferedReadsAsDiscoveryWithItsCarrierAndIsNotStored() throws Exception {
        TestPlugins.mockVariant(plugins, "remote", "1.0.0");
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            String number = firstOffered(host);

            NumberRecord read = host.manager().get(number);

            assertEquals(NumberState.DISCOVERY, read.state());
            assertEquals("remote", read.carrier());
            assertTrue(HostParts.of(host).registry().find(number).isEmpty(), "a search stores nothing");
        }
    }

    @Test
    void anAcquireAfterTheOfferExpiredStillGoesToTheCarrierThatOffersIt() throws Exception {
        TestPlugins.mockVariant(plugins, "remote", "1.0.0");
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("search.offer_ttl_ms", "50"))) {
            String number = firstOffered(host);
            Await.pause(200);

            NumberRecord acquired = host.manager().acquire(number, AcquireRequest.forAccount("acct"), "test");

            assertEquals(NumberState.IN_SERVICE, acquired.state());
            assertEquals("remote", acquired.carrier());
            assertTrue(acquired.data().containsKey("order_id"), acquired.data().toString());
        }
    }

    @Test
    void anAcquireAfterARestartStillGoesToTheCarrierThatOffersIt() throws Exception {
        TestPlugins.mockVariant(plugins, "remote", "1.0.0");
        String number;
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            number = firstOffered(host);
        }
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            NumberRecord acquired = host.manager().acquire(number, AcquireRequest.forAccount("acct"), "test");

            assertEquals(NumberState.IN_SERVICE, acquired.state());
            assertEquals("remote", acquired.carrier());
            assertEquals(NumberState.IN_SERVICE, HostParts.of(host).registry().find(number).orElseThrow().state());
        }
    }

    @Test
    void anAcquireOfANumberNobodyOffersIsNotFoundNamingWhatTheCarriersSaid() throws Exception {
        TestPlugins.mockVariant(plugins, "remote", "1.0.0");
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.remote.fail", "carrier_fault"))) {
            StandardException e = assertThrows(StandardException.class,
                    () -> host.manager().acquire("+14155550123", AcquireRequest.forAccount("acct"), "test"));

            assertEquals(ErrorCode.NOT_FOUND, e.error().code());
            assertEquals("number +14155550123 not found", e.error().message());
            assertTrue(e.error().cause().contains("no carrier offers it; remote: mock carrier is configured to fail"),
                    e.error().cause());
            assertTrue(HostParts.of(host).registry().find("+14155550123").isEmpty());
        }
    }

    @Test
    void anAcquireOfANumberNobodyOffersWithNoRemoteCarrierSaysSo() throws Exception {
        TestPlugins.copyLocal(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            StandardException e = assertThrows(StandardException.class,
                    () -> host.manager().acquire("+14155550123", AcquireRequest.forAccount("acct"), "test"));

            assertEquals(ErrorCode.NOT_FOUND, e.error().code());
            assertEquals("no serving carrier offers it", e.error().cause());
        }
    }

    @Test
    void anAcquireNamingTheCarrierThatOfferedTheNumberGoesToItWhenAnEarlierCarrierOffersItToo() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.mockVariant(plugins, "remote", "1.0.0");
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("search.offer_ttl_ms", "50"))) {
            String number = firstOffered(host);
            Await.pause(200);

            NumberRecord acquired = host.manager().acquire(number,
                    new AcquireRequest("acct", false, NumberState.IN_SERVICE, "remote"), "test");

            assertEquals("remote", acquired.carrier(), "mock comes first by name, but the search answer named remote");
            assertEquals(NumberState.IN_SERVICE, acquired.state());
        }
    }

    private static String firstOffered(CarrierHost host) {
        return host.manager().find(SearchRequest.of("415", 1)).numbers().get(0).number();
    }
}
