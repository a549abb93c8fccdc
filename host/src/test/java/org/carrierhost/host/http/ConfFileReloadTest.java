package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.config.HostConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 25: an edit of a carrier's keys in the settings file applies at the carrier's next reload, with no restart,
 * checked as a {@code PUT} of them is: a bad value leaves the old generation serving, a misspelt key is named.
 */
class ConfFileReloadTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path conf;
    private CarrierHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private void start(String fileText) throws Exception {
        TestPlugins.faulty(plugins, "tuned", "SettingsCarrier", null);
        Files.writeString(conf.resolve("carrier-host.properties"), fileText);
        host = CarrierHost.start(HostConfiguration.load(Optional.of(conf.resolve("carrier-host.properties")), true, conf,
                Map.of(), Map.of(), Map.of("http.port", "0", "admin.token", TestHosts.ADMIN_TOKEN,
                        "plugins.dir", plugins.toString(), "data.dir", data.toString(), "plugins.isolation", "in_process")).settings());
    }

    private String greeting() {
        ApiClient.Reply search = ApiClient.of(host).get("/api/numbers?prefix=415&quantity=1&carriers=tuned");
        assertEquals(200, search.status(), search.text());
        return search.json().path("numbers").get(0).path("data").path("greeting").asText();
    }

    private static JsonNode setting(JsonNode carrier, String key) {
        for (JsonNode s : carrier.path("settings")) {
            if (s.path("key").asText().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no setting " + key + " in " + carrier);
    }

    private ApiClient.Reply reload() {
        return ApiClient.of(host).post("/api/carriers/tuned/reload", "");
    }

    @Test
    void anEditedKeyAppliesAtTheNextReload() throws Exception {
        start("carrier.tuned.greeting=hola\n");
        assertEquals("hola", greeting());

        Files.writeString(conf.resolve("carrier-host.properties"), "carrier.tuned.greeting=bonjour\n");
        ApiClient.Reply reload = reload();

        assertEquals(200, reload.status(), reload.text());
        assertEquals("bonjour", greeting());
        JsonNode tuned = ApiClient.of(host).get("/api/carriers/tuned").json();
        assertEquals("conf_file", setting(tuned, "greeting").path("source").asText());
    }

    @Test
    void aBadValueInTheEditedFileLeavesTheOldGenerationServing() throws Exception {
        start("carrier.tuned.greeting=hola\n");

        Files.writeString(conf.resolve("carrier-host.properties"), "carrier.tuned.greeting=ciao\ncarrier.tuned.refuse_start=perhaps\n");
        ApiClient.Reply reload = reload();

        assertEquals(400, reload.status(), reload.text());
        assertTrue(reload.text().contains("carrier.tuned.refuse_start"), reload.text());
        assertEquals("hola", greeting());
    }

    @Test
    void aMisspeltKeyFailsTheLoadWithDidYouMean() throws Exception {
        start("carrier.tuned.greting=hola\n");

        JsonNode tuned = ApiClient.of(host).get("/api/carriers/tuned").json();

        assertEquals("FAILED", tuned.path("state").asText(), tuned.toString());
        assertTrue(tuned.path("error").toString().contains("did you mean carrier.tuned.greeting?"), tuned.toString());
    }
}
