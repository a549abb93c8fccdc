package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Enable, disable, reload, install and remove over real HTTP, on real zips. */
class CarrierLifecycleApiTest {

    private static final String ZIP = "application/zip";

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

    private ApiClient start(Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);
        settings.putAll(extra);
        host = TestHosts.start(plugins, data, settings);
        return ApiClient.of(host);
    }

    private static int found(ApiClient api) {
        return api.get("/api/numbers?prefix=415&quantity=10").json().path("numbers").size();
    }

    private long events(String action, String target) {
        return TestHosts.eventCount(host, action, target);
    }

    private List<String> installedFiles() throws Exception {
        return filesIn(data.resolve("cluster-plugins"));
    }

    private List<String> pluginFiles() throws Exception {
        return filesIn(plugins);
    }

    private static List<String> filesIn(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void disableSkipsTheCarrierInSearchAndItsNumbersAnswerCarrierUnavailable() throws Exception {
        TestPlugins.copyMock(plugins);
        ApiClient api = start(Map.of());
        String number = api.get("/api/numbers?prefix=415&quantity=1").json().path("numbers").get(0).path("number").asText();
        assertEquals(200, api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"a\"}").status());

        Reply disabled = api.post("/api/carriers/mock/disable", "");

        assertEquals(200, disabled.status(), disabled.text());
        assertEquals("DISABLED", disabled.json().path("state").asText());
        assertFalse(disabled.json().path("enabled").asBoolean());
        assertEquals(0, found(api));
        Reply disconnect = api.post("/api/numbers/" + number + "/disconnect", "{}");
        assertEquals(503, disconnect.status(), disconnect.text());
        assertEquals("carrier_unavailable", disconnect.error());
        assertTrue(Files.exists(plugins.resolve("carrier-mock-1.0.0.zip")), "disable keeps the zip");
        assertEquals(1, events("disable", "mock"));
    }

    @Test
    void enableLoadsTheCarrierAgainFromItsZip() throws Exception {
        TestPlugins.copyMock(plugins);
        ApiClient api = start(Map.of());
        api.post("/api/carriers/mock/disable", "");

        Reply enabled = api.post("/api/carriers/mock/enable", "");

        assertEquals(200, enabled.status(), enabled.text());
        assertEquals("STARTED", enabled.json().path("state").asText());
        assertEquals(10, found(api));
    }

    @Test
    void disableAndEnableSurviveARestart() throws Exception {
        TestPlugins.copyMock(plugins);
        start(Map.of()).post("/api/carriers/mock/disable", "");
        host.close();

        ApiClient api = start(Map.of());
        assertEquals("DISABLED", api.get("/api/carriers/mock").json().path("state").asText());
        assertEquals(0, found(api));
        api.post("/api/carriers/mock/enable", "");
        host.close();

        api = start(Map.of());
        assertEquals("STARTED", api.get("/api/carriers/mock").json().path("state").asText());
        assertEquals(10, found(api));
    }

    @Test
    void reloadSwapsInAFreshGenerationOfTheSameZip() throws Exception {
        TestPlugins.copyMock(plugins);
        ApiClient api = start(Map.of());

        Reply reloaded = api.post("/api/carriers/mock/reload", "");

        assertEquals(200, reloaded.status(), reloaded.text());
        assertEquals("STARTED", reloaded.json().path("state").asText());
        assertEquals(1, events("swap", "mock"));
        assertEquals(1, events("reload", "mock"));
        assertEquals(10, found(api));
    }

    @Test
    void reloadOfADisabledCarrierSaysToEnableIt() throws Exception {
        TestPlugins.copyMock(plugins);
        ApiClient api = start(Map.of());
        api.post("/api/carriers/mock/disable", "");

        Reply reloaded = api.post("/api/carriers/mock/reload", "");

        assertEquals(400, reloaded.status());
        assertEquals("carrier mock is disabled", reloaded.json().path("error").path("message").asText());
    }

    @Test
    void everyOperationOnAnUnknownCarrierIs404() throws Exception {
        ApiClient api = start(Map.of());

        for (String action : List.of("enable", "disable", "reload")) {
            Reply reply = api.post("/api/carriers/nope/" + action, "");
            assertEquals(404, reply.status(), action);
            assertEquals("not_found", reply.error());
        }
        assertEquals(404, api.send("DELETE", "/api/carriers/nope", new byte[0], ZIP).status());
    }

    @Test
    void installWritesTheZipUnderItsDescriptorNameInTheInstallDirectoryAndTheWatcherLeavesItBe() throws Exception {
        ApiClient api = start(Map.of());
        byte[] zip = Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "uploaded", "2.0.0"));

        Reply installed = api.send("POST", "/api/carriers", zip, ZIP);

        assertEquals(200, installed.status(), installed.text());
        assertEquals("uploaded", installed.json().path("id").asText());
        assertEquals("STARTED", installed.json().path("state").asText());
        assertEquals("cluster", installed.json().path("source").asText());
        assertEquals(List.of("carrier-uploaded-2.0.0.zip"), installedFiles());
        assertEquals(List.of(), pluginFiles(), "the drop-in directory is the operator's");
        Await.pause(800);
        assertEquals(1, events("load", "uploaded"), "the watcher does not redeploy what the API installed");
    }

    @Test
    void installOfANewerVersionServesItAndLeavesTheOperatorsDropInAlone() throws Exception {
        TestPlugins.copyMock(plugins);
        ApiClient api = start(Map.of());
        byte[] zip = Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "mock", "1.1.0"));

        Reply installed = api.send("POST", "/api/carriers", zip, ZIP);

        assertEquals(200, installed.status(), installed.text());
        assertEquals("1.1.0", installed.json().path("version").asText());
        assertEquals(List.of("carrier-mock-1.1.0.zip"), installedFiles());
        assertEquals(List.of("carrier-mock-1.0.0.zip"), pluginFiles(), "an install never deletes a drop-in");
        Await.pause(800);
        Reply mock = api.get("/api/carriers/mock");
        assertEquals("1.1.0", mock.json().path("version").asText());
        assertTrue(mock.json().path("error").isNull(), mock.text());
        assertEquals(1, api.get("/api/carriers").json().size());
    }

    @Test
    void aFailedInstallLeavesTheDirectoryAsItWasAndTheOldVersionServing() throws Exception {
        TestPlugins.copyMock(plugins);
        ApiClient api = start(Map.of());
        Path unmet = TestPlugins.rewrite(TestPlugins.mockZip(), elsewhere.resolve("future.zip"), Map.of("plugin.properties",
                text -> text.replaceAll("(?m)^plugin.version=.*$", "plugin.version=1.1.0")
                        .replaceAll("(?m)^plugin.requires=.*$", "plugin.requires=>=9.0.0")));

        Reply installed = api.send("POST", "/api/carriers", Files.readAllBytes(unmet), ZIP);

        assertEquals(400, installed.status(), installed.text());
        assertEquals("plugin.requires not met", installed.json().path("error").path("message").asText());
        assertEquals(List.of("carrier-mock-1.0.0.zip"), pluginFiles());
        assertEquals("1.0.0", api.get("/api/carriers/mock").json().path("version").asText());
        assertEquals(10, found(api));
    }

    @Test
    void anUploadOverTheZipLimitIs413() throws Exception {
        ApiClient api = start(Map.of("plugins.max_zip_bytes", "1000"));

        Reply reply = api.send("POST", "/api/carriers", Files.readAllBytes(TestPlugins.mockZip()), ZIP);

        assertEquals(413, reply.status(), reply.text());
        assertEquals("too_large", reply.error());
        assertEquals(List.of(), pluginFiles());
    }

    @Test
    void anUploadThatIsNotAZipContentTypeIs400() throws Exception {
        ApiClient api = start(Map.of());

        Reply reply = api.send("POST", "/api/carriers", Files.readAllBytes(TestPlugins.mockZip()), "application/json");

        assertEquals(400, reply.status(), reply.text());
        assertEquals("invalid", reply.error());
        assertEquals(List.of(), pluginFiles());
    }

    @Test
    void deleteOfADropInUnloadsTheCarrierAndKeepsItsZipUnderTheDataDirectory() throws Exception {
        TestPlugins.copyMock(plugins);
        byte[] dropped = Files.readAllBytes(plugins.resolve("carrier-mock-1.0.0.zip"));
        ApiClient api = start(Map.of());

        Reply removed = api.send("DELETE", "/api/carriers/mock", new byte[0], ZIP);

        assertEquals(200, removed.status(), removed.text());
        assertEquals("UNLOADED", removed.json().path("state").asText());
        Path kept = data.resolve("removed").resolve("carrier-mock-1.0.0.zip").toAbsolutePath().normalize();
        assertEquals(kept.toString(), removed.json().path("kept_at").asText(), "the answer says where the zip is");
        assertArrayEquals(dropped, Files.readAllBytes(kept), "the operator's zip, whole");
        assertEquals(List.of(), pluginFiles());
        assertEquals(0, found(api));
        assertEquals(1, events("remove", "mock"));
        assertEquals(1, events("file-kept", "mock"), "the audit log says where it went");
    }

    @Test
    void installOfTheDropInsOwnZipDeletesNothingUnloadsNothingAndListsTheInstallAsShadowed() throws Exception {
        TestPlugins.copyMock(plugins);
        byte[] dropped = Files.readAllBytes(plugins.resolve("carrier-mock-1.0.0.zip"));
        ApiClient api = start(Map.of());
        long unloadsBefore = events("unload", "mock");

        Reply installed = api.send("POST", "/api/carriers", dropped, ZIP);

        assertEquals(200, installed.status(), installed.text());
        assertEquals(List.of("carrier-mock-1.0.0.zip"), pluginFiles());
        assertArrayEquals(dropped, Files.readAllBytes(plugins.resolve("carrier-mock-1.0.0.zip")));
        assertEquals(unloadsBefore, events("unload", "mock"), "the same content unloads nothing");
        JsonNode mock = api.get("/api/carriers/mock").json();
        assertEquals("directory", mock.path("source").asText(), mock.toString());
        assertEquals("carrier-mock-1.0.0.zip", mock.path("shadowed").get(0).path("file").asText(), mock.toString());
        assertEquals("1.0.0", mock.path("shadowed").get(0).path("version").asText());
        assertEquals(List.of("carrier-mock-1.0.0.zip"), installedFiles(), "kept, for the other hosts and a later day");
    }
}
