package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.HostEvent;
import org.carrierhost.host.manager.AcquireRequest;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** {@link CarrierHost#builder()}: an embedded host, HTTP off unless asked for. */
class CarrierHostBuilderTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void withoutHttpTheHostServesTheJavaApiOpensNoPortAndWritesNoToken() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = CarrierHost.builder().pluginsDir(plugins).dataDir(data).settings(TestHosts.IN_HOST).start()) {
            assertEquals(3, host.manager().find(SearchRequest.of("415", 3)).numbers().size());
            assertFalse(Files.exists(data.resolve("admin.token")));
            assertTrue(host.adminTokenFile().isEmpty());
            IllegalStateException noHttp = assertThrows(IllegalStateException.class, host::url);
            assertTrue(noHttp.getMessage().contains("no HTTP"), noHttp.getMessage());
            assertThrows(IllegalStateException.class, host::port);
        }
    }

    @Test
    void httpOnAFreePortServesTheApi() throws Exception {
        try (CarrierHost host = CarrierHost.builder().pluginsDir(plugins).dataDir(data).settings(TestHosts.IN_HOST).http(0).start()) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(host.url() + "api/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(host.adminTokenFile().isPresent());
        }
    }

    @Test
    void listenersReceiveTheLoadsOfStartUp() throws Exception {
        TestPlugins.copyMock(plugins);
        List<HostEvent> events = new CopyOnWriteArrayList<>();
        try (CarrierHost host = CarrierHost.builder().pluginsDir(plugins).dataDir(data).settings(TestHosts.IN_HOST).listener(events::add).start()) {
            assertTrue(events.stream().anyMatch(e -> e instanceof CarrierEvent c && c.action() == CarrierAction.START
                    && c.target().startsWith("mock")), events.toString());
        }
    }

    @Test
    void settingsReachTheHost() throws Exception {
        try (CarrierHost host = CarrierHost.builder().pluginsDir(plugins).dataDir(data).settings(TestHosts.IN_HOST)
                .settings(Map.of("search.timeout_ms", "1234")).setting("carrier.mock.latency_ms", "5").start()) {
            assertEquals(Duration.ofMillis(1234), host.settings().search().timeout());
            assertEquals("5", host.settings().carrier("mock").get("latency_ms").orElseThrow());
        }
    }

    @Test
    void theMeterRegistryGivenIsTheOneTheHostHolds() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (CarrierHost host = CarrierHost.builder().pluginsDir(plugins).dataDir(data).settings(TestHosts.IN_HOST).meterRegistry(meters).start()) {
            assertSame(meters, host.meterRegistry().orElseThrow());
        }
    }

    @Test
    void theReadmeEmbeddingSnippetSearchesAndAcquires() throws Exception {
        TestPlugins.copyMock(plugins);
        List<HostEvent> events = new CopyOnWriteArrayList<>();
        NumberRecord taken;
        // As in docs/embedding.md, with temporary folders for plugins/ and data/.
        try (CarrierHost host = CarrierHost.builder()
                .pluginsDir(plugins)
                .dataDir(data)
                .setting("search.timeout_ms", "2000")
                .listener(events::add)
                .start()) {
            SearchResponse found = host.manager().find(SearchRequest.of("415", 10));
            taken = host.manager().acquire(found.numbers().get(0).number(), AcquireRequest.forAccount("acct-1"), "my-app");
        }
        assertEquals(NumberState.IN_SERVICE, taken.state());
        assertFalse(events.isEmpty());
    }
}
