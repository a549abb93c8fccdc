package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The local carrier isolated: it holds no database connection, and its inventory questions go back over the channel
 * to the host, which answers from the registry; a search finds the imported stock and an acquire takes a number.
 */
@RunsAlone
class IsolatedLocalCarrierTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void theLocalCarrierInItsOwnProcessSearchesTheHostsStockThroughTheChannel() throws Exception {
        TestPlugins.copyLocal(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.local.isolation", "process"))) {
            ApiClient api = ApiClient.of(host);
            JsonNode carrier = api.get("/api/carriers/local").json();
            assertEquals("process", carrier.path("isolation").asText(), carrier.toString());
            assertTrue(carrier.path("local").asBoolean(), carrier.toString());
            ApiClient.Reply imported = api.post("/api/numbers/import",
                    "{\"carrier\":\"local\",\"numbers\":[\"+12025550100\",\"+12025550101\",\"+12025550102\"]}");
            assertEquals(200, imported.status(), imported.text());

            ApiClient.Reply found = api.get("/api/numbers?prefix=202555&quantity=5&carriers=local");
            assertEquals(200, found.status(), found.text());
            assertEquals(3, found.json().path("numbers").size(), found.text());
            assertEquals("+12025550100", found.json().path("numbers").path(0).path("number").asText(), found.text());

            ApiClient.Reply acquired = api.post("/api/numbers/+12025550100/acquire", "{\"account_id\":\"acct-1\"}");
            assertEquals(200, acquired.status(), acquired.text());
            ApiClient.Reply after = api.get("/api/numbers?prefix=202555&quantity=5&carriers=local");
            assertEquals(2, after.json().path("numbers").size(), after.text());
        }
    }
}
