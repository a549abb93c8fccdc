package org.carrierhost.host.plugins.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.parts.HostParts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each way a plugin zip can fail, dropped into a running host beside the mock carrier. In every case the
 * host stays up, the mock keeps serving, the carrier or file shows a readable reason in /api/carriers and
 * /api/events, and the operator's zip is kept. (A carrier call that hangs is covered by
 * {@code CarrierManagerTest.aHungCarrierIsReportedAsTimeoutWhileTheOthersAnswerWithinTheDeadline}.)
 */
class PluginFailureTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;
    private DropInHost dropIns;
    private CarrierHost host;
    private ApiClient api;

    @AfterEach
    void stop() {
        if (dropIns != null) {
            dropIns.close();
        }
    }

    private void start(Map<String, String> extra) throws Exception {
        dropIns = new DropInHost(plugins, data, extra);
        host = dropIns.host;
        api = dropIns.api;
    }

    private Path drop(Path zip) throws Exception {
        return dropIns.drop(zip);
    }

    private JsonNode listed(String target) {
        return dropIns.listed(target);
    }

    private void assertExplainedAndSurvived(String target, String reason, Path zip) {
        dropIns.assertExplainedAndSurvived(target, reason, zip);
    }

    @Test
    void aCorruptZip() throws Exception {
        start(Map.of());
        Path zip = Files.writeString(elsewhere.resolve("carrier-corrupt-1.0.0.zip"), "not a zip at all");
        assertExplainedAndSurvived("carrier-corrupt-1.0.0.zip", "not a readable zip", drop(zip));
    }

    @Test
    void aZipSlipEntryWritesNothingOutsideTheWorkingFolder() throws Exception {
        start(Map.of());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("plugin.properties", "plugin.id=slip\nplugin.version=1.0.0\n".getBytes(StandardCharsets.UTF_8));
        entries.put("../../../escaped.txt", "out".getBytes(StandardCharsets.UTF_8));
        entries.put("../../../../escaped.txt", "out".getBytes(StandardCharsets.UTF_8));
        Path zip = TestPlugins.zipOf(elsewhere.resolve("carrier-slip-1.0.0.zip"), entries);

        assertExplainedAndSurvived("slip", "zip slip", drop(zip));
        assertFalse(Files.exists(data.resolve("escaped.txt")));
        assertFalse(Files.exists(data.getParent().resolve("escaped.txt")));
        try (var files = Files.walk(data)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("escaped.txt")));
        }
    }

    @Test
    void anOversizedZip() throws Exception {
        start(Map.of("plugins.max_zip_bytes", Long.toString(Files.size(TestPlugins.mockZip()) + 2000)));
        byte[] noise = new byte[8000];
        new Random(1).nextBytes(noise);
        Path zip = TestPlugins.rewrite(TestPlugins.mockZip(), elsewhere.resolve("carrier-big-1.0.0.zip"), Map.of(),
                Map.of("noise.bin", noise));
        assertExplainedAndSurvived("carrier-big-1.0.0.zip", "zip is too large", drop(zip));
    }

    @Test
    void aZipBomb() throws Exception {
        start(Map.of("plugins.max_unpacked_bytes", "2000000"));
        Path zip = TestPlugins.rewrite(TestPlugins.mockVariant(elsewhere.resolve("src"), "bomb", "1.0.0"),
                elsewhere.resolve("carrier-bomb-1.0.0.zip"), Map.of(), Map.of("zeros.bin", new byte[3_000_000]));
        assertExplainedAndSurvived("bomb", "zip bomb", drop(zip));
    }

    @Test
    void aZipWithoutADescriptor() throws Exception {
        start(Map.of());
        Path zip = TestPlugins.zipOf(elsewhere.resolve("carrier-bare-1.0.0.zip"), Map.of("readme.txt", "hi".getBytes()));
        assertExplainedAndSurvived("carrier-bare-1.0.0.zip", "no plugin descriptor", drop(zip));
    }

    @Test
    void aZipWithoutACarrierExtension() throws Exception {
        start(Map.of());
        assertExplainedAndSurvived("noext", "no CarrierExtension in plugin noext",
                drop(TestPlugins.faulty(elsewhere, "noext", null, null)));
    }

    @Test
    void aPluginRequiresTheHostDoesNotMeet() throws Exception {
        start(Map.of());
        Path zip = TestPlugins.rewrite(TestPlugins.mockVariant(elsewhere.resolve("src"), "future", "1.0.0"),
                elsewhere.resolve("carrier-future-1.0.0.zip"), Map.of("plugin.properties",
                        text -> text.replaceAll("(?m)^plugin.requires=.*$", "plugin.requires=>=9.0.0")));
        assertExplainedAndSurvived("future", "plugin.requires not met", drop(zip));
    }

    @Test
    void twoZipsWithOnePluginId() throws Exception {
        start(Map.of());
        Path zip = TestPlugins.mockVariant(elsewhere, "mock", "2.0.0");
        assertExplainedAndSurvived("carrier-mock-2.0.0.zip", "duplicate plugin id mock", drop(zip));
        assertEquals("1.0.0", api.get("/api/carriers/mock").json().path("version").asText());
    }

    @Test
    void aConstructorThatThrows() throws Exception {
        start(Map.of());
        assertExplainedAndSurvived("ctor", "constructor of org.carrierhost.plugins.faulty.ThrowingConstructorCarrier failed",
                drop(TestPlugins.faulty(elsewhere, "ctor", "ThrowingConstructorCarrier", null)));
    }

    @Test
    void aCarrierStartThatThrows() throws Exception {
        start(Map.of());
        assertExplainedAndSurvived("badstart", "badstart CarrierExtension.start() failed",
                drop(TestPlugins.faulty(elsewhere, "badstart", "ThrowingStartCarrier", null)));
    }

    @Test
    void aPf4jPluginStartThatThrows() throws Exception {
        start(Map.of());
        assertExplainedAndSurvived("badplugin", "badplugin",
                drop(TestPlugins.faulty(elsewhere, "badplugin", "WorkingCarrier", "ThrowingStartPlugin")));
        assertTrue(listed("badplugin").path("error").toString().contains("faulty plugin start"), listed("badplugin").toString());
    }

    @Test
    void aCarrierStartThatHangsIsTimeBoxed() throws Exception {
        start(Map.of());
        assertExplainedAndSurvived("hangstart", "hangstart CarrierExtension.start() did not return within 500 ms",
                drop(TestPlugins.faulty(elsewhere, "hangstart", "HangingStartCarrier", null)));
    }

    @Test
    void aCarrierStopThatHangsIsTimeBoxed() throws Exception {
        start(Map.of());
        Path zip = drop(TestPlugins.faulty(elsewhere, "hangstop", "HangingStopCarrier", null));
        Await.until(DropInHost.SHOWN_WITHIN, () -> HostParts.of(host).carriers().servingIds().contains("hangstop"), () -> api.get("/api/carriers").text());

        assertEquals(200, api.post("/api/carriers/hangstop/reload", "").status());

        assertExplainedAndSurvived("hangstop", "hangstop 1.0.0 CarrierExtension.stop() did not return within 500 ms", zip);
        assertTrue(HostParts.of(host).carriers().servingIds().contains("hangstop"), "the new generation serves");
    }
}
