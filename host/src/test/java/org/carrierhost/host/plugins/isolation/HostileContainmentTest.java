package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.Reliability;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hostile carriers that do not end their process, each in a process of its own beside the mock in the host's
 * process, all in one host under search load (the mock searched with them, {@code /api/health} polled): one whose
 * offer data's {@code toString()} hangs, a heap walker that looks for the admin token, another carrier's secret and
 * the database's URL, one that prints and sets the process's globals ({@code System.out}, the default locale and time
 * zone, a system property, a {@code SecurityManager}) and one that spins a CPU once it is disabled (the issue's
 * 10,000 threads are {@link HostileIsolationTest}'s flood, ended by {@code isolation.max_threads}). The host answers
 * {@code /api/health} within 1 s throughout and no search of the mock fails; a hung call answers at the search's
 * deadline, and its process, which still answers its heartbeat, is kept (a frozen one is killed and restarted:
 * {@link HostileIsolationTest}); the walker finds nothing; nothing printed or set reaches the host's output or
 * globals; and the disabled spinner's process is gone, and the host and its children idle.
 */
@RunsAlone
class HostileContainmentTest {

    /** The search's deadline, at which a search of the hung carrier answers; the heap walker's search fits in it. */
    private static final long DEADLINE_MS = 5000;
    /** How long the load runs before the carriers are disabled, beyond the searches the test makes. */
    private static final long EXTRA_LOAD_MS = Reliability.load(0, 30_000);
    private static final String SEARCH = "/api/numbers?prefix=415&quantity=2&carriers=mock,";
    private static final List<String> ISOLATED = List.of("hang", "seek", "globals", "spin");

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void carriersThatHangSeekSetGlobalsOrSpinInTheirOwnProcessesReachNothingOfTheHostWhileTheMockServes()
            throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.hostile(plugins, "hang", "HangingOfferDataCarrier");
        TestPlugins.hostile(plugins, "seek", "SecretSeekerCarrier");
        TestPlugins.hostile(plugins, "globals", "GlobalsSettingCarrier");
        TestPlugins.faulty(plugins, "spin", "SpinAfterStopCarrier", null);
        HostGlobals before = HostGlobals.now();
        try (HostOutput output = HostOutput.capture(); CarrierHost host = TestHosts.start(plugins, data, settings())) {
            ApiClient api = ApiClient.of(host);
            Map<String, Long> pids = new HashMap<>();
            for (String id : ISOLATED) {
                pids.put(id, ChildProcesses.pid(api, id));
            }
            JsonNode found;
            JsonNode set;
            try (SearchLoad load = SearchLoad.start(api, "mock", 2,
                    List.of(SEARCH + "globals", SEARCH + "globals", SEARCH + "hang"))) {
                CompletableFuture<JsonNode> seeking = CompletableFuture.supplyAsync(() -> SecretSeekerTest.seek(api));
                aHungCallAnswersAtTheDeadline(api);
                set = api.get("/api/numbers?prefix=415&quantity=1&carriers=globals").json().path("numbers").path(0).path("data");
                found = seeking.get(DEADLINE_MS * 2, TimeUnit.MILLISECONDS);
                Thread.sleep(EXTRA_LOAD_MS);
                assertEquals(200, api.post("/api/carriers/spin/disable", "").status());
                assertTrue(ChildProcesses.ended(pids.get("spin")), "the spinner's process " + pids.get("spin") + " ended");
                load.assertServedThroughout(5);
            }
            Thread.sleep(500);
            Duration cpu = ChildProcesses.cpuOfHostAndChildren(Duration.ofSeconds(1));
            assertTrue(cpu.toMillis() < 500, "the host and its children idle, not " + cpu.toMillis() + " ms of CPU in 1 s");

            theWalkerFoundNothing(found);
            Map<String, String> setInItsProcess = new HashMap<>();
            set.fields().forEachRemaining(field -> setInItsProcess.put(field.getKey(), field.getValue().asText()));
            assertEquals(Map.of("locale", "zh_CN", "time_zone", "Pacific/Kiritimati", "property", "set",
                    "security_manager", "Refusing", "out_replaced", "true"), setInItsProcess, "what it set in its own process");
            assertEquals(before, HostGlobals.now(), "the host's globals");
            assertTrue(output.outIsOurs(), "the host's System.out was replaced");
            assertFalse(output.linesWith("start globals").isEmpty(), "the host's own output is read");
            for (String printed : List.of("GLOBALS-SETTER-PRINTED-THIS", "SECRET-SEEKER-PRINTED-THIS", "terminally deprecated")) {
                for (String line : output.linesWith(printed)) {
                    assertTrue(line.matches(".*\\[carrier (globals|seek) pid \\d+\\].*"), "reached the host's output: " + line);
                }
            }
            for (String id : List.of("hang", "seek", "globals")) {
                JsonNode carrier = api.get("/api/carriers/" + id).json();
                assertEquals("STARTED", carrier.path("state").asText(), carrier.toString());
                assertEquals(pids.get(id).longValue(), carrier.path("process").path("pid").asLong(), carrier.toString());
                assertEquals(0, carrier.path("process").path("restarts").asInt(), carrier.toString());
            }
        }
    }

    /** A search of the carrier whose offer data hangs answers its timeout at the deadline, not before, not long after. */
    private static void aHungCallAnswersAtTheDeadline(ApiClient api) {
        long began = System.nanoTime();
        ApiClient.Reply hung = api.get("/api/numbers?prefix=415&quantity=1&carriers=hang");
        long took = (System.nanoTime() - began) / 1_000_000;
        assertEquals(200, hung.status(), hung.text());
        JsonNode error = hung.json().path("errors").path(0);
        assertEquals("hang", error.path("carrier").asText(), hung.text());
        assertEquals("timeout", error.path("error").asText(), hung.text());
        assertTrue(took >= DEADLINE_MS - 100 && took < DEADLINE_MS + 2000, "answered after " + took + " ms");
    }

    private static void theWalkerFoundNothing(JsonNode found) {
        assertEquals(SecretSeekerTest.NEEDLES.size(), found.path("needles").asInt(), found.toString());
        assertTrue(found.path("heap_bytes").asLong() > 1_000_000, "the walker read a heap: " + found);
        assertTrue(found.path("pid").asLong() != ProcessHandle.current().pid(), found.toString());
        assertEquals("[]", found.path("in_heap").toString(), "needles found in its heap: " + found);
        assertEquals("[]", found.path("elsewhere").toString(), "needles found in its environment, properties or settings: " + found);
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(SecretSeekerTest.seekerSettings("process"));
        settings.put("search.timeout_ms", Long.toString(DEADLINE_MS));
        // The spinner's process, which does not stop, is killed after 3 times that plus a second.
        settings.put("plugins.stop_timeout_ms", "300");
        for (String id : ISOLATED) {
            settings.put("carrier." + id + ".isolation", "process");
            settings.put("carrier." + id + ".breaker.minimum_calls", "1000");
            // Still beats during a hung call, with room for a machine busy with other builds.
            settings.put("carrier." + id + ".isolation.heartbeat_ms", "3000");
        }
        return settings;
    }

    /** What of the host's process a plugin in it could set for everyone. */
    private record HostGlobals(Locale locale, TimeZone timeZone, String property, SecurityManager securityManager) {

        @SuppressWarnings("removal")
        static HostGlobals now() {
            return new HostGlobals(Locale.getDefault(), TimeZone.getDefault(), System.getProperty("carrierhost.hostile.globals"),
                    System.getSecurityManager());
        }
    }
}
