package org.carrierhost.host.plugins.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A running host beside the mock carrier, with short time boxes and a fast watcher, for tests that drop
 * failing zips into it and check that each is explained while the host survives.
 */
final class DropInHost implements AutoCloseable {

    static final Duration SHOWN_WITHIN = Duration.ofSeconds(5);

    final Path plugins;
    final Path data;
    final CarrierHost host;
    final ApiClient api;

    DropInHost(Path plugins, Path data, Map<String, String> extra) throws Exception {
        this.plugins = plugins;
        this.data = data;
        if (!Files.exists(plugins.resolve(TestPlugins.mockZip().getFileName()))) {
            TestPlugins.copyMock(plugins);
        }
        Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);
        settings.put("plugins.start_timeout_ms", "500");
        settings.put("plugins.stop_timeout_ms", "500");
        settings.putAll(extra);
        host = TestHosts.start(plugins, data, settings);
        api = ApiClient.of(host);
    }

    /** Moves {@code zip} into the drop-in directory in one step, as a careful operator would. */
    Path drop(Path zip) throws Exception {
        return Files.move(zip, plugins.resolve(zip.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The carrier listed under {@code target} (an id or a file name), or null. */
    JsonNode listed(String target) {
        for (JsonNode c : api.get("/api/carriers").json()) {
            if (c.path("id").asText().equals(target) || c.path("file").asText().equals(target)) {
                return c;
            }
        }
        return null;
    }

    /** Waits for {@code target} (an id or a file name) to show {@code reason}, then checks the host survived. */
    void assertExplainedAndSurvived(String target, String reason, Path zip) {
        Await.until(SHOWN_WITHIN, () -> {
            JsonNode c = listed(target);
            return c != null && c.path("error").toString().contains(reason);
        }, () -> api.get("/api/carriers").text());
        // The audit writer stores the entry soon after the carrier shows the error: wait for it as for the error.
        Await.until(SHOWN_WITHIN, () -> {
            for (JsonNode e : api.get("/api/events").json()) {
                if (e.path("result").asText().equals("failed") && e.path("error").asText().contains(reason)) {
                    return true;
                }
            }
            return false;
        }, () -> "no failed event naming '" + reason + "': " + api.get("/api/events").text());
        assertOthersServe();
        assertTrue(Files.exists(zip), "the operator's zip is kept: " + zip);
    }

    /** The host answers, and the mock carrier serves a full page. */
    void assertOthersServe() {
        assertEquals(200, api.get("/api/health").status());
        JsonNode numbers = api.get("/api/numbers?prefix=415&quantity=10").json().path("numbers");
        assertEquals(10, numbers.size(), numbers.toString());
        numbers.forEach(n -> assertEquals("mock", n.path("carrier").asText()));
    }

    @Override
    public void close() {
        host.close();
    }
}
