package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.parts.HostParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zero failed requests while the mock carrier is reloaded 50 times under search load, over real HTTP, in the host's
 * process; {@link IsolatedReloadUnderLoadTest} runs the same with the mock in a process of its own.
 */
class ReloadUnderLoadTest {

    private static final int SEARCHERS = 4;

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;

    /** The host's settings: fast scans of the drop-in directory, the mock in the host's process. */
    Map<String, String> settings() {
        return TestHosts.FAST_WATCH;
    }

    /** How many reloads: each in the host's process takes some 20 ms. */
    int reloads() {
        return 50;
    }

    /**
     * How soon the watcher must have served a version dropped in: it takes well under a second alone, and the
     * bound leaves room for a machine busy with the other test forks.
     */
    Duration watcherReload() {
        return Duration.ofSeconds(5);
    }

    @Test
    void reloadsAlternatingTwoVersionsFailNoSearch() throws Exception {
        int reloads = reloads();
        Path zip = TestPlugins.copyMock(plugins);
        List<Path> versions = List.of(TestPlugins.mockVariant(elsewhere, "mock", "1.0.0"),
                TestPlugins.mockVariant(elsewhere, "mock", "1.1.0"));
        try (CarrierHost host = TestHosts.start(plugins, data, settings())) {
            ApiClient api = ApiClient.of(host);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong searches = new AtomicLong();
            Queue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> searchers = new ArrayList<>();
            for (int i = 0; i < SEARCHERS; i++) {
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        Reply reply;
                        try {
                            reply = api.get("/api/numbers?prefix=415&quantity=5");
                        } catch (RuntimeException e) {
                            // A request that never got an answer is a failed request too.
                            failures.add(e.toString());
                            continue;
                        } finally {
                            searches.incrementAndGet();
                        }
                        JsonNode numbers = reply.json().path("numbers");
                        boolean allMock = numbers.size() == 5;
                        for (JsonNode n : numbers) {
                            allMock &= n.path("carrier").asText().equals("mock");
                        }
                        if (reply.status() != 200 || !allMock || reply.json().path("errors").size() != 0) {
                            failures.add(reply.status() + " " + reply.text());
                        }
                    }
                }, "searcher-" + i);
                t.start();
                searchers.add(t);
            }

            for (int i = 1; i <= reloads; i++) {
                String expected = i % 2 == 0 ? "1.0.0" : "1.1.0";
                Path staging = Files.copy(versions.get(i % 2 == 0 ? 0 : 1), plugins.resolve(".staging.tmp"),
                        StandardCopyOption.REPLACE_EXISTING);
                Files.move(staging, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                if (i % 4 == 1 || i % 4 == 2) {
                    // Half the cycles by the API: a new generation from the zip as it is now.
                    Reply reloaded = api.post("/api/carriers/mock/reload", "");
                    assertEquals(200, reloaded.status(), reloaded.text());
                    assertEquals(expected, reloaded.json().path("version").asText());
                } else {
                    Await.until(watcherReload(), () -> expected.equals(HostParts.of(host).carriers().view("mock").orElseThrow().facts().version()),
                            () -> "watcher reload " + expected);
                }
            }

            running.set(false);
            for (Thread t : searchers) {
                t.join();
            }
            assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(3, failures.size())),
                    failures.size() + " of " + searches.get() + " searches failed");
            assertTrue(searches.get() > reloads, "searches ran throughout: " + searches.get());
            assertTrue(host.events().recent(2000).stream().filter(e -> e.action().equals("swap")).count() >= reloads);
        }
    }
}
