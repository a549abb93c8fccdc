package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A carrier that walks the heap of the process it runs in (a heap dump, read back), and reads the environment, the
 * system properties, its command line and its settings, looking for the admin token, another carrier's secret and
 * the registry's JDBC URL. In the host's process it finds the admin token in the heap, which shows the walker sees;
 * {@link HostileContainmentTest} runs it in a process of its own, under search load, where it finds none of them.
 */
@RunsAlone
class SecretSeekerTest {

    /** Another carrier's secret: the mock's password. */
    static final String OTHER_SECRET = "other-carrier-secret-4711";
    /** The tail of the registry's JDBC URL. */
    static final String JDBC_TAIL = "WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    /** What the walker looks for, in the order it answers their indexes. */
    static final List<String> NEEDLES = List.of(TestHosts.ADMIN_TOKEN, OTHER_SECRET, JDBC_TAIL);

    @TempDir
    Path plugins;
    @TempDir
    Path controlData;

    @Test
    void inTheHostsProcessTheSameWalkerFindsTheAdminToken() throws Exception {
        TestPlugins.hostile(plugins, "seek", "SecretSeekerCarrier");
        Locale before = Locale.getDefault();
        Map<String, String> settings = new java.util.HashMap<>(seekerSettings("in_process"));
        settings.put("search.timeout_ms", "30000");
        try (CarrierHost host = TestHosts.start(plugins, controlData, settings)) {
            JsonNode found = seek(ApiClient.of(host));
            assertEquals(ProcessHandle.current().pid(), found.path("pid").asLong());
            boolean tokenFound = false;
            for (JsonNode index : found.path("in_heap")) {
                tokenFound |= index.asInt() == 0;
            }
            assertTrue(tokenFound, "the walker sees the admin token in the host's heap: " + found);
        } finally {
            Locale.setDefault(before);
        }
    }

    /**
     * The settings of carrier {@code seek} at {@code isolation}, given {@link #NEEDLES} (each reversed, in base64, so
     * that the settings do not hold them as they are), with {@link #OTHER_SECRET} as the mock's password.
     */
    static Map<String, String> seekerSettings(String isolation) {
        String needles = NEEDLES.stream().map(n -> Base64.getEncoder().encodeToString(
                new StringBuilder(n).reverse().toString().getBytes(StandardCharsets.UTF_8))).collect(Collectors.joining(","));
        return Map.of("carrier.seek.isolation", isolation, "carrier.seek.needles", needles,
                "carrier.mock.password", OTHER_SECRET);
    }

    /** Searches carrier {@code seek} alone and answers its one offer's data: what it found, and where. */
    static JsonNode seek(ApiClient api) {
        ApiClient.Reply reply = api.get("/api/numbers?prefix=415&quantity=1&carriers=seek");
        assertEquals(200, reply.status(), reply.text());
        assertEquals(1, reply.json().path("numbers").size(), reply.text());
        return reply.json().path("numbers").path(0).path("data");
    }
}
