package org.carrierhost.host.plugins.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.events.Event;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.parts.HostParts;
import org.carrierhost.host.plugins.lifecycle.CarrierView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The drop-in directory watched by a real host: zips added, replaced, removed and half-written. */
class PluginDirectoryWatcherTest {

    /** The product's promise; scans are made fast with {@link TestHosts#FAST_WATCH}. */
    private static final Duration SERVES_WITHIN = Duration.ofSeconds(2);

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;
    private CarrierHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private CarrierHost start() {
        host = TestHosts.start(plugins, data, TestHosts.FAST_WATCH);
        return host;
    }

    private Optional<CarrierView> carrier(String id) {
        return HostParts.of(host).carriers().view(id);
    }

    private String version(String id) {
        return carrier(id).map(v -> v.state() + " " + (v.facts() == null ? null : v.facts().version())).orElse("absent");
    }

    private long events(String action, String targetStart) {
        return TestHosts.eventCount(host, action, targetStart);
    }

    @Test
    void aNewZipServesWithinTwoSecondsAsTheWatcher() throws Exception {
        start();
        TestPlugins.mockVariant(elsewhere, "fresh", "1.0.0");
        Files.move(elsewhere.resolve("carrier-fresh-1.0.0.zip"), plugins.resolve("carrier-fresh-1.0.0.zip"), StandardCopyOption.ATOMIC_MOVE);

        Await.until(SERVES_WITHIN, () -> HostParts.of(host).carriers().servingIds().contains("fresh"), () -> version("fresh"));
        assertEquals(10, host.manager().find(SearchRequest.of("415", 10)).numbers().size());
        Event load = host.events().recent(100).stream().filter(e -> e.action().equals("load") && e.target().startsWith("fresh"))
                .findFirst().orElseThrow();
        assertEquals("watcher", load.actor());
    }

    @Test
    void aReplacementWithANewVersionAndAnOlderFileTimeIsServedWithinTwoSeconds() throws Exception {
        TestPlugins.copyMock(plugins);
        start();
        Path zip = plugins.resolve("carrier-mock-1.0.0.zip");
        Path newer = TestPlugins.mockVariant(elsewhere, "mock", "1.1.0");
        // Older than the file it replaces and than any working copy: PF4J alone would keep the old code.
        Files.setLastModifiedTime(newer, FileTime.from(Instant.now().minus(Duration.ofDays(30))));
        Files.move(newer, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        Await.until(SERVES_WITHIN, () -> version("mock").equals("STARTED 1.1.0"), () -> version("mock"));
        JsonNode listed = ApiClient.of(host).get("/api/carriers/mock").json();
        assertEquals("1.1.0", listed.path("version").asText());
    }

    @Test
    void theSameVersionWithNewContentIsReloaded() throws Exception {
        TestPlugins.copyMock(plugins);
        start();
        TestPlugins.rewrite(TestPlugins.mockZip(), plugins.resolve("carrier-mock-1.0.0.zip"), Map.of("plugin.properties",
                text -> text.replaceAll("(?m)^plugin.description=.*$", "plugin.description=rebuilt")));

        Await.until(SERVES_WITHIN, () -> carrier("mock").map(v -> "rebuilt".equals(v.facts().description())).orElse(false),
                () -> String.valueOf(carrier("mock")));
        assertEquals("STARTED 1.0.0", version("mock"));
    }

    @Test
    void aZipTouchedButUnchangedIsNotReloaded() throws Exception {
        Path zip = TestPlugins.copyMock(plugins);
        start();
        long loads = events("load", "mock");
        Files.setLastModifiedTime(zip, FileTime.from(Instant.now().plusSeconds(5)));

        // Long enough for the change to be seen, found stable and hashed.
        Await.pause(1200);
        assertEquals(loads, events("load", "mock"));
        assertEquals("STARTED 1.0.0", version("mock"));
    }

    @Test
    void aRemovedZipUnloadsItsCarrier() throws Exception {
        Path zip = TestPlugins.copyMock(plugins);
        start();
        Files.delete(zip);

        Await.until(SERVES_WITHIN, () -> version("mock").equals("UNLOADED 1.0.0"), () -> version("mock"));
        assertEquals(0, host.manager().find(SearchRequest.of("415", 10)).numbers().size());
        Await.until(SERVES_WITHIN, () -> events("unload", "mock 1.0.0") == 1, () -> "no unload event");
    }

    @Test
    void removingTheServingZipOfTwoWithOneIdLoadsTheOther() throws Exception {
        Path first = TestPlugins.copyMock(plugins);
        TestPlugins.mockVariant(plugins, "mock", "2.0.0");
        start();
        assertEquals("STARTED 1.0.0", version("mock"));
        Files.delete(first);

        Await.until(SERVES_WITHIN, () -> version("mock").equals("STARTED 2.0.0"), () -> version("mock"));
        assertTrue(carrier("carrier-mock-2.0.0.zip").isEmpty(), "the refusal is gone with its cause");
    }

    @Test
    void aFailedFileDisappearsWithItsFile() throws Exception {
        Path broken = TestPlugins.zipOf(plugins.resolve("carrier-empty-1.0.0.zip"), Map.of("readme.txt", "nothing".getBytes()));
        start();
        assertEquals("FAILED", version("carrier-empty-1.0.0.zip").split(" ")[0]);
        Files.delete(broken);

        Await.until(SERVES_WITHIN, () -> carrier("carrier-empty-1.0.0.zip").isEmpty(), () -> version("carrier-empty-1.0.0.zip"));
    }

    @Test
    void aZipStillBeingWrittenIsLoadedOnlyOnceComplete() throws Exception {
        start();
        byte[] bytes = Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "slow", "1.0.0"));
        Path target = plugins.resolve("carrier-slow-1.0.0.zip");
        try (OutputStream out = Files.newOutputStream(target)) {
            int half = bytes.length / 2;
            out.write(Arrays.copyOf(bytes, half));
            out.flush();
            // A slow copy that pauses longer than the stability window: unreadable, so not loaded yet.
            Await.pause(600);
            assertTrue(carrier("slow").isEmpty() && carrier("carrier-slow-1.0.0.zip").isEmpty(), version("carrier-slow-1.0.0.zip"));
            out.write(bytes, half, bytes.length - half);
        }

        Await.until(SERVES_WITHIN, () -> HostParts.of(host).carriers().servingIds().contains("slow"), () -> version("slow"));
        assertEquals(0, host.events().recent(1000).stream().filter(e -> e.result().equals(Event.FAILED)).count());
    }

    @Test
    void hiddenPartialTemporaryAndOtherFilesAndFoldersAreLeftAlone() throws Exception {
        TestPlugins.copyMock(plugins);
        for (String name : new String[] {".hidden.zip", "carrier-x.zip.part", "carrier-x.tmp", "notes.txt"}) {
            Files.copy(TestPlugins.mockZip(), plugins.resolve(name));
        }
        Files.createDirectories(plugins.resolve("folder.zip"));
        start();

        Await.pause(800);
        assertEquals(1, HostParts.of(host).carriers().views().size(), String.valueOf(HostParts.of(host).carriers().views()));
        assertTrue(Files.isDirectory(plugins.resolve("folder.zip")));
        assertTrue(Files.exists(plugins.resolve(".hidden.zip")) && Files.exists(plugins.resolve("carrier-x.zip.part")));
        assertFalse(host.events().recent(100).stream().anyMatch(e -> e.result().equals(Event.FAILED)));
    }
}
