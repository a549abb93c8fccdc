package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The self-test of a carrier in a process of its own ({@code carrier.mock.isolation=process}) runs in that process. */
@RunsAlone
class IsolatedSelfTestTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    private static Reply selfTestOfAnIsolatedMock(Path plugins, Path data, String switches) throws Exception {
        TestPlugins.mockWithSwitches(plugins, "mock", "1.0.0", switches);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("carrier.mock.isolation", "process"))) {
            ApiClient api = ApiClient.of(host);
            assertEquals("process", api.get("/api/carriers/mock").json().path("isolation").asText());
            return api.post("/api/carriers/mock/selftest", "");
        }
    }

    @Test
    void itsSelfTestRunsInItsProcessAndPasses() throws Exception {
        Reply tested = selfTestOfAnIsolatedMock(plugins, data, "");

        assertEquals("passed", tested.json().path("outcome").asText(), tested.text());
        assertEquals(4, tested.json().path("checks").size(), tested.text());
    }

    @Test
    void anAcquireItTriesInItsProcessIsRefusedUnderSelfTest() throws Exception {
        Reply tested = selfTestOfAnIsolatedMock(plugins, data, "selftest_acquire=true\n");

        assertEquals("failed", tested.json().path("outcome").asText(), tested.text());
        JsonNode last = tested.json().path("checks").path(tested.json().path("checks").size() - 1);
        assertEquals("no acquire or disconnect", last.path("name").asText(), tested.text());
        assertTrue(last.path("message").asText().contains("under self-test"), tested.text());
    }
}
