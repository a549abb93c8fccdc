package org.carrierhost.host.plugins.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.HostProcess;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plugin that halts the JVM in a way no bytecode screen sees (a method name built at run time) ends the
 * host once; the crash journal's note makes it a suspect at the next start, whose trial in a process of its own
 * halts the same way, so it is quarantined, with the reason shown, while the others serve and the operator's zip
 * stays. A reload lifts the quarantine.
 */
class QuarantineTest {

    private static final int HIDDEN_HALT_STATUS = 49;

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;

    @Test
    void aPluginThatHaltedTheHostInStartIsQuarantinedAtTheNextStartWhileTheOthersServe() throws Exception {
        TestPlugins.copyMock(plugins);
        Path zip = TestPlugins.hostile(plugins, "hidden", "HiddenHaltInStartCarrier");
        haltOnce();
        try (HostProcess second = HostProcess.start(plugins, data)) {
            String url = second.awaitUrl();
            assertNotNull(url, () -> "the second host started; it printed:\n" + second.output());
            ApiClient api = new ApiClient(url, TestHosts.ADMIN_TOKEN);
            JsonNode hidden = api.get("/api/carriers/hidden").json();
            assertEquals("QUARANTINED", hidden.path("state").asText(), hidden.toString());
            assertTrue(hidden.path("error").path("message").asText()
                    .contains("the host stopped while calling start() of hidden, and a trial in a process of its own ended"
                            + " the same way (exit 49); quarantined"), hidden.toString());
            assertTrue(api.get("/api/events").text().contains("quarantine"));
            assertEquals(10, api.get("/api/numbers?prefix=415&quantity=10").json().path("numbers").size());
            assertTrue(Files.exists(zip), "the operator's zip is kept");
        }
    }

    @Test
    void aReloadAfterTheOperatorReplacedTheZipLiftsTheQuarantineAndTheCarrierStarts() throws Exception {
        TestPlugins.copyMock(plugins);
        Path zip = TestPlugins.hostile(plugins, "hidden", "HiddenHaltInStartCarrier");
        haltOnce();
        try (HostProcess second = HostProcess.start(plugins, data)) {
            String url = second.awaitUrl();
            assertNotNull(url, () -> "the second host started; it printed:\n" + second.output());
            ApiClient api = new ApiClient(url, TestHosts.ADMIN_TOKEN);
            assertEquals("QUARANTINED", api.get("/api/carriers/hidden").json().path("state").asText());

            // The operator fixes the plugin (a well-behaved one under the same id and file name), then retries.
            Path fixed = TestPlugins.mockVariant(elsewhere, "hidden", "1.0.0");
            Files.move(fixed, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            ApiClient.Reply reload = api.post("/api/carriers/hidden/reload", "");

            assertEquals(200, reload.status(), reload.text());
            assertEquals("STARTED", api.get("/api/carriers/hidden").json().path("state").asText());
            String events = api.get("/api/events").text();
            assertTrue(events.contains("quarantine-lifted"), events);
            assertNull(second.awaitExit(0), "still up");
        }
    }

    /** Runs the first host, which the hidden halt in start() ends. */
    private void haltOnce() throws Exception {
        try (HostProcess first = HostProcess.start(plugins, data)) {
            assertEquals(HIDDEN_HALT_STATUS, first.awaitExit(60),
                    () -> "the hidden halt ended the first host; it printed:\n" + first.output());
        }
    }
}
