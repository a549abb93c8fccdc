package org.carrierhost.host.plugins.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.Await;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.parts.HostParts;
import org.carrierhost.host.plugins.CarrierId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The misbehaving plugins of issue 11, each dropped in or uploaded beside the mock carrier: the host stays
 * up, the mock serves throughout, the failure is explained, the operator's zip is kept, an upload leaves
 * nothing behind, and nothing is written outside the plugins and data directories.
 */
class MisbehavingPluginTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;
    private DropInHost dropIns;

    @AfterEach
    void stop() {
        if (dropIns != null) {
            dropIns.close();
        }
    }

    private DropInHost start() throws Exception {
        dropIns = new DropInHost(plugins, data, Map.of());
        return dropIns;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ExitInStaticInitCarrier", "HaltInConstructorCarrier", "ExitInStartCarrier",
            "ExitInSearchCarrier", "HaltInStopCarrier", "ExitFromThreadCarrier", "ReflectiveExitCarrier",
            "ShutdownHookCarrier"})
    void aDroppedInPluginThatCouldEndTheHostIsRefusedNamingTheClass(String carrier) throws Exception {
        DropInHost h = start();
        Path zip = h.drop(TestPlugins.hostile(elsewhere, "hostile", carrier));
        h.assertExplainedAndSurvived("hostile", "plugin code may not end the host", zip);
        assertTrue(h.listed("hostile").path("error").toString().contains("org.carrierhost.plugins.faulty.hostile." + carrier),
                h.listed("hostile").toString());
        assertWroteOnlyInsidePluginsAndData();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ExitInStartCarrier", "HaltInStopCarrier", "ExitFromThreadCarrier"})
    void anUploadedPluginThatCouldEndTheHostIsRefusedAndLeavesNothing(String carrier) throws Exception {
        DropInHost h = start();
        ApiClient.Reply reply = upload(h, TestPlugins.hostile(elsewhere, "hostile", carrier));
        assertEquals(400, reply.status(), reply.text());
        assertTrue(reply.text().contains("plugin code may not end the host"), reply.text());
        assertOnlyMockZipLeft();
        h.assertOthersServe();
    }

    @Test
    void aJarLevelZipBombIsRefusedWithinItsLimits() throws Exception {
        DropInHost h = start();
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(jar)) {
            out.putNextEntry(new ZipEntry("META-INF/extensions.idx"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        Path zip = TestPlugins.rewrite(TestPlugins.mockVariant(elsewhere.resolve("src"), "jarbomb", "1.0.0"),
                elsewhere.resolve("carrier-jarbomb-1.0.0.zip"), Map.of(), Map.of("lib/bomb.jar", jar.toByteArray()));

        ApiClient.Reply reply = upload(h, zip);
        assertEquals(400, reply.status(), reply.text());
        assertTrue(reply.text().contains("zip bomb"), reply.text());
        assertOnlyMockZipLeft();
        h.assertExplainedAndSurvived("jarbomb", "zip bomb", h.drop(zip));
    }

    @Test
    void aNulCharacterInAnEntryNameIsRefusedAndTheHostStillRestarts() throws Exception {
        DropInHost h = start();
        Path zip = TestPlugins.rewrite(TestPlugins.mockVariant(elsewhere.resolve("src"), "nul", "1.0.0"),
                elsewhere.resolve("carrier-nul-1.0.0.zip"), Map.of(), Map.of("lib/a\u0000b.jar", new byte[10]));

        ApiClient.Reply reply = upload(h, zip);
        assertTrue(reply.status() == 400, reply.text());
        assertOnlyMockZipLeft();
        Path dropped = h.drop(zip);
        Await.until(DropInHost.SHOWN_WITHIN, () -> listedWithAnError(h.listed("nul"))
                || h.listed("carrier-nul-1.0.0.zip") != null, () -> h.api.get("/api/carriers").text());
        h.assertOthersServe();

        h.close();
        dropIns = new DropInHost(plugins, data, Map.of());
        dropIns.assertOthersServe();
        assertTrue(Files.exists(dropped));
    }

    @Test
    void anIdWithDotDotIsRefusedNamingTheRuleAndNoFolderIsMadeOutsideTheDataDir() throws Exception {
        DropInHost h = start();
        Path zip = withId("../../escaped", "carrier-escape-1.0.0.zip");

        ApiClient.Reply reply = upload(h, zip);
        assertEquals(400, reply.status(), reply.text());
        assertTrue(reply.text().contains(CarrierId.RULE), reply.text());
        h.assertExplainedAndSurvived("carrier-escape-1.0.0.zip", CarrierId.RULE, h.drop(zip));
        assertFalse(Files.exists(data.resolve("carriers/../../escaped")));
        assertWroteOnlyInsidePluginsAndData();
    }

    @Test
    void anOverlongIdIsRefusedNamingTheRuleAndSearchesStillAnswer() throws Exception {
        DropInHost h = start();
        Path zip = withId("a".repeat(65), "carrier-long-1.0.0.zip");

        ApiClient.Reply reply = upload(h, zip);
        assertEquals(400, reply.status(), reply.text());
        assertTrue(reply.text().contains(CarrierId.RULE), reply.text());
        h.assertExplainedAndSurvived("carrier-long-1.0.0.zip", CarrierId.RULE, h.drop(zip));
        assertEquals(400, h.api.post("/api/carriers/" + "a".repeat(65) + "/disable", "").status());
    }

    @Test
    void aThreadThatNeverStopsIsReportedByNameAndTheCarrierMarkedLeaking() throws Exception {
        DropInHost h = start();
        Path zip = h.drop(TestPlugins.faulty(elsewhere, "stubborn", "StubbornThreadCarrier", null));
        Await.until(DropInHost.SHOWN_WITHIN, () -> HostParts.of(h.host).carriers().servingIds().contains("stubborn"), () -> h.api.get("/api/carriers").text());

        assertEquals(200, h.api.post("/api/carriers/stubborn/disable", "").status());

        assertTrue(h.api.get("/api/events").text().contains("leaking: [faulty-stubborn]"), h.api.get("/api/events").text());
        assertTrue(h.listed("stubborn").path("error").path("message").asText().startsWith("leaking"), h.listed("stubborn").toString());
        h.assertOthersServe();
        assertTrue(Files.exists(zip));
    }

    @Test
    void aThreadLeftRunningIsReportedInTheUnloadEventAndInterrupted() throws Exception {
        DropInHost h = start();
        h.drop(TestPlugins.faulty(elsewhere, "sleeper", "ThreadStartingCarrier", null));
        Await.until(DropInHost.SHOWN_WITHIN, () -> HostParts.of(h.host).carriers().servingIds().contains("sleeper"), () -> h.api.get("/api/carriers").text());

        assertEquals(200, h.api.post("/api/carriers/sleeper/disable", "").status());

        assertTrue(h.api.get("/api/events").text().contains("threads left running [faulty-sleeper], interrupted and ended"),
                h.api.get("/api/events").text());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("faulty-sleeper")));
    }

    private Path withId(String id, String fileName) throws Exception {
        return TestPlugins.rewrite(TestPlugins.mockZip(), elsewhere.resolve(fileName), Map.of("plugin.properties",
                text -> text.replaceAll("(?m)^plugin.id=.*$", java.util.regex.Matcher.quoteReplacement("plugin.id=" + id))));
    }

    private static ApiClient.Reply upload(DropInHost h, Path zip) throws Exception {
        return h.api.send("POST", "/api/carriers", Files.readAllBytes(zip), "application/zip");
    }

    private void assertOnlyMockZipLeft() throws Exception {
        try (var files = Files.list(plugins)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of(TestPlugins.mockZip().getFileName().toString()), names);
        }
    }

    /** The temporary folder that holds the plugins and data folders gained nothing else of ours. */
    private void assertWroteOnlyInsidePluginsAndData() throws Exception {
        assertFalse(Files.exists(data.getParent().resolve("escaped")));
        assertFalse(Files.exists(plugins.getParent().resolve("carriers")));
        assertFalse(Files.exists(data.getParent().resolve("hostile")));
    }

    /** Whether the carrier is listed with an error; not yet listed is not yet. */
    private static boolean listedWithAnError(com.fasterxml.jackson.databind.JsonNode carrier) {
        return carrier != null && !carrier.path("error").isNull();
    }
}
