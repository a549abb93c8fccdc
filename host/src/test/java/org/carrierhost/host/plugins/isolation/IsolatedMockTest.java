package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The mock carrier's zip, built against the current api and unchanged, runs in a process of its own with
 * {@code carrier.mock.isolation=process}: a search, an acquire and a disconnect go through the proxy, and the
 * carrier's answer shows its process (a pid other than the host's).
 */
@RunsAlone
class IsolatedMockTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void theMockZipUnchangedSearchesAcquiresAndDisconnectsFromItsOwnProcess() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.mock.isolation", "process"))) {
            ApiClient api = ApiClient.of(host);
            JsonNode carrier = api.get("/api/carriers/mock").json();
            assertEquals("STARTED", carrier.path("state").asText(), carrier.toString());
            assertEquals("process", carrier.path("isolation").asText(), carrier.toString());
            long pid = carrier.path("process").path("pid").asLong();
            assertTrue(pid > 0, carrier.toString());
            assertNotEquals(ProcessHandle.current().pid(), pid);
            assertTrue(ProcessHandle.of(pid).isPresent(), "the carrier's process " + pid + " runs");

            JsonNode found = api.get("/api/numbers?prefix=415&quantity=3").json();
            assertEquals(3, found.path("numbers").size(), found.toString());
            String number = found.path("numbers").path(0).path("number").asText();
            assertEquals("mock", found.path("numbers").path(0).path("carrier").asText());

            ApiClient.Reply acquired = api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"acct-1\"}");
            assertEquals(200, acquired.status(), acquired.text());
            assertEquals("in_service", acquired.json().path("state").asText(), acquired.text());

            ApiClient.Reply released = api.post("/api/numbers/" + number + "/disconnect", "");
            assertEquals(200, released.status(), released.text());
        }
    }

    @Test
    void anIsolatedCarrierAnswersTheSearchVocabularyItDeclaresInItsOwnProcess() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.mock.isolation", "process"))) {
            ApiClient api = ApiClient.of(host);
            JsonNode found = api.get("/api/numbers?area_code=212&quantity=3").json();

            assertEquals(3, found.path("numbers").size(), found.toString());
            found.path("numbers").forEach(n -> assertTrue(n.path("number").asText().startsWith("+1212"), found.toString()));
            assertTrue(found.path("carriers").path("mock").path("applied").toString().contains("area_code"), found.toString());
            assertTrue(found.path("skipped").isEmpty(), found.toString());
        }
    }
}
