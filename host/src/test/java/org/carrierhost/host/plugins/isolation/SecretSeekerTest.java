package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
 * in a process of its own it finds none of them anywhere, and what it prints or sets (stdout, stderr, the default
 * locale) never reaches the host.
 */
@RunsAlone
class SecretSeekerTest {

    private static final String OTHER_SECRET = "other-carrier-secret-4711";
    private static final String JDBC_TAIL = "WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    private static final List<String> NEEDLES = List.of(TestHosts.ADMIN_TOKEN, OTHER_SECRET, JDBC_TAIL);

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path controlData;

    @Test
    void isolatedItFindsNoTokenSecretOrDatabaseAndNothingItPrintsOrSetsReachesTheHost() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.hostile(plugins, "seek", "SecretSeekerCarrier");
        Locale before = Locale.getDefault();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(new Tee(out, seen), true));
        System.setErr(new PrintStream(new Tee(err, seen), true));
        JsonNode found;
        try (CarrierHost host = TestHosts.start(plugins, data, settings("process"))) {
            JsonNode carrier = ApiClient.of(host).get("/api/carriers/seek").json();
            assertEquals("process", carrier.path("isolation").asText(), carrier.toString());
            found = seek(host);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(NEEDLES.size(), found.path("needles").asInt(), found.toString());
        assertTrue(found.path("heap_bytes").asLong() > 1_000_000, "the walker read a heap: " + found);
        assertNotEquals(ProcessHandle.current().pid(), found.path("pid").asLong());
        assertEquals("[]", found.path("in_heap").toString(), "needles found in its heap: " + found);
        assertEquals("[]", found.path("elsewhere").toString(), "needles found in its environment, properties or settings: " + found);
        assertEquals(before, Locale.getDefault());
        assertFalse(seen.toString(StandardCharsets.UTF_8).contains("SECRET-SEEKER-PRINTED-THIS"),
                "what the carrier printed reached the host's output");
    }

    @Test
    void inTheHostsProcessTheSameWalkerFindsTheAdminToken() throws Exception {
        TestPlugins.hostile(plugins, "seek", "SecretSeekerCarrier");
        Locale before = Locale.getDefault();
        try (CarrierHost host = TestHosts.start(plugins, controlData, settings("in_process"))) {
            JsonNode found = seek(host);
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

    private static Map<String, String> settings(String isolation) {
        String needles = NEEDLES.stream().map(n -> Base64.getEncoder().encodeToString(
                new StringBuilder(n).reverse().toString().getBytes(StandardCharsets.UTF_8))).collect(Collectors.joining(","));
        return Map.of("carrier.seek.isolation", isolation, "carrier.seek.needles", needles,
                "carrier.mock.password", OTHER_SECRET, "search.timeout_ms", "30000");
    }

    private static JsonNode seek(CarrierHost host) {
        ApiClient.Reply reply = ApiClient.of(host).get("/api/numbers?prefix=415&quantity=1&carriers=seek");
        assertEquals(200, reply.status(), reply.text());
        assertEquals(1, reply.json().path("numbers").size(), reply.text());
        return reply.json().path("numbers").path(0).path("data");
    }

    /** Writes to both streams. */
    private static final class Tee extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        Tee(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }
    }
}
