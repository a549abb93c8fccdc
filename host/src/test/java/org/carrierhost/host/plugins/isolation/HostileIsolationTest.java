package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plugins that end or freeze the process they run in, each by a route the bytecode screen cannot see (a name built at run
 * time for reflection or a method handle, a class defined from a {@code .bin} resource, a hidden
 * {@code Runtime.halt}, {@code kill -9} of its own pid, JNI {@code _exit} from a C library the build compiled,
 * {@code Unsafe.putAddress(0, 0)}, a segmentation fault its JVM aborts on), freezing it ({@code SIGSTOP}, caught by
 * the heartbeat) or flooding it with 10,000 threads a search (ended by its {@code isolation.max_threads}), all run isolated in one host
 * beside the mock carrier in the host's own process, under search load: the host answers {@code /api/health} within
 * 1 s throughout, every search answers 200 with the mock's offers (0 failed), each hostile carrier's process is
 * started again once, then quarantined at its second crash with the reason (its exit status or signal) shown on
 * {@code GET /api/carriers/{id}}, and nothing its JVM wrote reaches the host's output but as its stderr, labelled.
 * The carriers that do not end their process are {@link HostileContainmentTest}'s.
 */
@RunsAlone
class HostileIsolationTest {

    /** Each hostile carrier, and how its process ends. */
    private static final Map<String, String> ENDS = new LinkedHashMap<>();

    static {
        ENDS.put("reflect", "exit 0");
        ENDS.put("handle", "exit 7");
        ENDS.put("binclass", "exit 11");
        ENDS.put("halt", "exit 13");
        ENDS.put("kill", "signal 9");
        ENDS.put("freeze", "no answer to its heartbeat within 500 ms, killed: signal 9");
        ENDS.put("jni", "exit 17");
        ENDS.put("unsafe", "signal 6");
        ENDS.put("threads", "exit 86, over its thread limit");
    }

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void hostileCarriersInTheirOwnProcessesAreRestartedThenQuarantinedWhileTheHostAndTheMockServe() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.hostile(plugins, "reflect", "HiddenExitInSearchCarrier");
        TestPlugins.hostile(plugins, "handle", "MethodHandleExitInSearchCarrier");
        TestPlugins.hostileWithBinPayload(plugins, "binclass");
        TestPlugins.hostile(plugins, "halt", "HiddenHaltInSearchCarrier");
        TestPlugins.hostile(plugins, "kill", "KillOwnPidInSearchCarrier");
        TestPlugins.hostile(plugins, "freeze", "FreezeOwnProcessInSearchCarrier");
        TestPlugins.hostile(plugins, "jni", "NativeExitInSearchCarrier");
        TestPlugins.hostile(plugins, "unsafe", "UnsafeWriteInSearchCarrier");
        TestPlugins.hostile(plugins, "threads", "ThreadFloodInSearchCarrier");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("search.timeout_ms", "3000");
        for (String id : ENDS.keySet()) {
            settings.put("carrier." + id + ".isolation", "process");
            settings.put("carrier." + id + ".isolation.crash_limit", "2");
            settings.put("carrier." + id + ".isolation.restart_backoff_ms", "100");
            settings.put("carrier." + id + ".isolation.heartbeat_ms", "500");
            settings.put("carrier." + id + ".breaker.minimum_calls", "1000");
        }
        settings.put("carrier.threads.isolation.max_threads", "200");
        try (HostOutput output = HostOutput.capture(); CarrierHost host = TestHosts.start(plugins, data, settings)) {
            ApiClient api = ApiClient.of(host);
            for (String id : ENDS.keySet()) {
                JsonNode carrier = api.get("/api/carriers/" + id).json();
                assertEquals("STARTED", carrier.path("state").asText(), carrier.toString());
                assertEquals("process", carrier.path("isolation").asText(), carrier.toString());
            }
            List<String> waiting = new ArrayList<>(ENDS.keySet());
            try (SearchLoad load = SearchLoad.start(api, "mock", 2, Collections.nCopies(3, "/api/numbers?prefix=415&quantity=2"))) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                while (!waiting.isEmpty() && System.nanoTime() < until) {
                    waiting.removeIf(id -> "QUARANTINED".equals(api.get("/api/carriers/" + id).json().path("state").asText()));
                    Thread.sleep(200);
                }
                load.assertServedThroughout(5);
            }
            assertTrue(waiting.isEmpty(), "not quarantined within 40 s: " + waiting);
            for (Map.Entry<String, String> end : ENDS.entrySet()) {
                String id = end.getKey();
                JsonNode carrier = api.get("/api/carriers/" + id).json();
                String reason = carrier.path("error").path("message").asText();
                assertTrue(reason.startsWith("crashed 2 times: " + end.getValue()), id + ": " + carrier);
                assertTrue(TestHosts.eventCount(host, "restart", id + " ") >= 1, id + " was not started again");
                assertTrue(TestHosts.eventCount(host, "quarantine", id + " ") >= 1, id + ": no quarantine event");
            }
            // The JVM's own report of the segmentation fault is the carrier process's, as anything it wrote.
            assertFalse(output.linesWith("quarantine").isEmpty(), "the host's own output is read");
            for (String line : output.linesWith("fatal error has been detected")) {
                assertTrue(line.matches(".*\\[carrier unsafe pid \\d+\\].*"), "reached the host's output: " + line);
            }
            JsonNode mock = api.get("/api/carriers/mock").json();
            assertEquals("STARTED", mock.path("state").asText(), mock.toString());
            assertEquals("in_process", mock.path("isolation").asText(), mock.toString());
        }
    }
}
