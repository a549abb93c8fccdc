package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.Await;
import org.carrierhost.host.HostProcess;
import org.carrierhost.host.Reliability;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A real host in a child JVM, serving the mock carrier and a second healthy one ({@code other}), reloaded over HTTP
 * as fast as two clients can, is SIGKILLed ({@value #FULL_KILLS} times under the profile reliability-long, fewer in the
 * default run) and started again on the same data directory. Half the kills come at a random moment; the other half
 * at a random moment too, but only once a crash-journal note is on disk (the host inside a carrier's constructor,
 * {@code start()} or {@code stop()}), which is the case an outside kill used to punish. After each restart no carrier
 * is quarantined and every carrier serves searches; each note a kill left was tried in a process of its own and
 * cleared, which the host's log says.
 */
@RunsAlone
class HostKilledDuringReloadsTest {

    private static final int FULL_KILLS = 10;
    private static final int KILLS = Reliability.load(4, FULL_KILLS);
    private static final List<String> CARRIERS = List.of("mock", "other");
    private static final String CLEARED = "was cleared by a trial in a process of its own";

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void sigkillsOfTheHostDuringReloadsQuarantineNoHealthyCarrier() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.mockVariant(plugins, "other", "1.0.0");
        Random random = new Random(20);
        int killedInsideACall = 0;
        int trials = 0;
        HostProcess host = start();
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                int reloads = reloadUntilKilled(host, kill % 2 == 0, random);
                int notes = notesLeft();
                killedInsideACall += notes > 0 ? 1 : 0;

                host = start();
                HostProcess restarted = host;
                ApiClient api = api(host);
                for (String id : CARRIERS) {
                    String round = "kill " + kill + " (" + reloads + " reloads, " + notes + " notes left): ";
                    Await.until(Duration.ofSeconds(30), () -> "STARTED".equals(state(api, id)),
                            () -> round + id + " is " + api.get("/api/carriers/" + id).text() + "\n" + restarted.output());
                    ApiClient.Reply search = api.get("/api/numbers?prefix=415&quantity=2&carriers=" + id);
                    assertEquals(200, search.status(), round + search.text());
                    assertEquals(2, search.json().path("numbers").size(), round + search.text());
                }
                for (JsonNode carrier : api.get("/api/carriers").json()) {
                    assertTrue(!"QUARANTINED".equals(carrier.path("state").asText()), "kill " + kill + ": " + carrier);
                }
                trials += count(host.output(), CLEARED);
                assertEquals(0, count(host.output(), "ended the same way"), host.output());
            }
        } finally {
            host.close();
        }
        System.out.printf("HostKilledDuringReloadsTest: %d kills, %d inside a call, %d trials cleared a note%n",
                KILLS, killedInsideACall, trials);
        assertTrue(killedInsideACall > 0, "at least one kill left a note, so the test saw the case it is for");
        assertTrue(trials >= killedInsideACall, trials + " trials for " + killedInsideACall + " kills inside a call");
    }

    /**
     * Reloads both carriers from a client each until SIGKILL: after a random wait, at once or once a note is on disk
     * (at most 5 s later). The reloads answered.
     */
    private int reloadUntilKilled(HostProcess host, boolean insideACall, Random random) throws Exception {
        ApiClient api = api(host).withTimeout(Duration.ofSeconds(10));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger reloads = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CARRIERS.size());
        try {
            for (String id : CARRIERS) {
                clients.execute(() -> {
                    while (running.get()) {
                        try {
                            if (api.post("/api/carriers/" + id + "/reload", "").status() == 200) {
                                reloads.incrementAndGet();
                            }
                        } catch (RuntimeException cutOffByTheKill) {
                            return;
                        }
                    }
                });
            }
            Await.pause(300 + random.nextInt(700));
            Path journal = data.resolve("crash-journal");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (insideACall && notesIn(journal) == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            host.kill();
        } finally {
            running.set(false);
            clients.shutdownNow();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "the clients ended after the kill");
        }
        return reloads.get();
    }

    private int notesLeft() {
        return notesIn(data.resolve("crash-journal"));
    }

    /** The notes in {@code journal} whole enough to name a carrier and a call (a kill may cut one short as it is written). */
    private static int notesIn(Path journal) {
        try (var notes = Files.list(journal)) {
            return (int) notes.filter(p -> p.getFileName().toString().endsWith(".call")).filter(p -> lines(p) >= 2).count();
        } catch (IOException | java.io.UncheckedIOException noFolderYet) {
            return 0;
        }
    }

    private static int lines(Path note) {
        try {
            return Files.readAllLines(note).size();
        } catch (IOException goneMeanwhile) {
            return 0;
        }
    }

    private static int count(String text, String what) {
        int found = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            found++;
        }
        return found;
    }

    private static String state(ApiClient api, String id) {
        return api.get("/api/carriers/" + id).json().path("state").asText();
    }

    private HostProcess start() throws Exception {
        HostProcess host = HostProcess.start(plugins, data);
        assertNotNull(host.awaitUrl(), () -> "the host started; it printed:\n" + host.output());
        return host;
    }

    private static ApiClient api(HostProcess host) throws Exception {
        return new ApiClient(host.awaitUrl(), TestHosts.ADMIN_TOKEN);
    }
}
