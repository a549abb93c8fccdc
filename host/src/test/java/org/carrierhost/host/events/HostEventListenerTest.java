package org.carrierhost.host.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.manager.AcquireRequest;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.parts.HostParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listener registered on an embedded host receives its typed events. */
class HostEventListenerTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;

    private final List<HostEvent> received = new CopyOnWriteArrayList<>();

    @Test
    void aListenerReceivesTheLoadsOfStartUpAndTheStepsOfASwap() throws Exception {
        TestPlugins.mockVariant(plugins, "remote", "1.0.0");
        try (CarrierHost host = start()) {
            HostParts.of(host).lifecycle().install(java.nio.file.Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "remote", "1.1.0")), "test");

            assertTrue(carrierEvents(CarrierAction.LOAD).stream().anyMatch(e -> e.target().startsWith("remote 1.0.0")));
            CarrierEvent swap = carrierEvents(CarrierAction.SWAP).get(0);
            assertEquals("remote 1.0.0 -> 1.1.0", swap.target());
            assertTrue(swap.succeeded());
            assertTrue(carrierEvents(CarrierAction.UNLOAD).stream().anyMatch(e -> e.target().equals("remote 1.0.0")));
        }
    }

    @Test
    void aListenerReceivesAnAcquireAndTheCarrierCallsBehindIt() throws Exception {
        TestPlugins.mockVariant(plugins, "remote", "1.0.0");
        try (CarrierHost host = start()) {
            String number = host.manager().find(SearchRequest.of("415", 1)).numbers().get(0).number();
            host.manager().acquire(number, AcquireRequest.forAccount("acct"), "test");

            NumberEvent acquired = received.stream().filter(NumberEvent.class::isInstance).map(NumberEvent.class::cast)
                    .filter(e -> e.action() == NumberAction.ACQUIRE).findFirst().orElseThrow();
            assertEquals(number, acquired.target());
            assertEquals("remote", acquired.carrier());
            assertEquals("in_service", acquired.outcome());
            List<CallCompleted> calls = received.stream().filter(CallCompleted.class::isInstance)
                    .map(CallCompleted.class::cast).toList();
            assertTrue(calls.stream().anyMatch(c -> c.operation() == CarrierOperation.FIND && c.succeeded()), calls.toString());
            assertTrue(calls.stream().anyMatch(c -> c.operation() == CarrierOperation.ACQUIRE && c.carrier().equals("remote")));
        }
    }

    @Test
    void aListenerThatThrowsStopsNeitherTheHostNorTheOtherListeners() throws Exception {
        TestPlugins.mockVariant(plugins, "remote", "1.0.0");
        HostEventListener broken = event -> {
            throw new IllegalStateException("listener bug");
        };
        try (CarrierHost host = CarrierHost.start(settings(), List.of(broken, received::add))) {
            host.manager().find(SearchRequest.of("415", 1));

            assertTrue(received.stream().anyMatch(CallCompleted.class::isInstance));
        }
    }

    private CarrierHost start() {
        return CarrierHost.start(settings(), List.of(received::add));
    }

    private org.carrierhost.host.config.HostSettings settings() {
        return HostConfiguration.of(Map.of("http.port", "0", "admin.token", TestHosts.ADMIN_TOKEN,
                "plugins.dir", plugins.toString(), "data.dir", data.toString(), "plugins.isolation", "in_process")).settings();
    }

    private List<CarrierEvent> carrierEvents(CarrierAction action) {
        return received.stream().filter(CarrierEvent.class::isInstance).map(CarrierEvent.class::cast)
                .filter(e -> e.action() == action).toList();
    }
}
