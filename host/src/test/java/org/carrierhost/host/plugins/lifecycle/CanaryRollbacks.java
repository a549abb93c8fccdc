package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.plugins.rollout.StickyShare;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Canary rollouts ({@code carrier.mock.rollout=canary}) that roll back: mock v1 serves, a v2 that faults or returns no
 * numbers is uploaded while searches of 100 accounts run, and is judged every 300 ms against v1 in the same window,
 * then rolled back while v1 serves on. {@link CanaryRolloutTest} runs them with the carriers in the host's process,
 * with the rest of the rollouts' tests; {@link IsolatedCanaryRollbackTest} with each version in a process of its own.
 */
abstract class CanaryRollbacks extends MockUpgrades {

    final AtomicBoolean running = new AtomicBoolean(true);
    final List<Thread> load = new ArrayList<>();
    final AtomicInteger searches = new AtomicInteger();
    final Queue<String> acquired = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void canaryRollouts() {
        settings.put("carrier.mock.rollout", "canary");
        settings.put("carrier.mock.rollout.steps", "10,50,100");
        settings.put("carrier.mock.rollout.interval_ms", "300");
        settings.put("carrier.mock.rollout.min_calls", "5");
        // No test here is about latency, and a freshly loaded version's first calls in windows of 300 ms are slow
        // on a loaded machine (the p99 judge has its own unit tests in RolloutJudgeTest).
        settings.put("carrier.mock.rollout.p99_floor_ms", "5000");
    }

    @AfterEach
    void stopLoad() throws InterruptedException {
        running.set(false);
        for (Thread thread : load) {
            thread.join();
        }
    }

    Reply upload(String switches) throws Exception {
        return upload("2.0.0", "order_tag=-v2\n" + switches);
    }

    /** Searches of accounts {@code acct-0} to {@code acct-99} on three threads, until the test ends. */
    void searchesUnderLoad() {
        for (int t = 0; t < 3; t++) {
            int first = t;
            background(() -> {
                for (int i = first; running.get(); i += 3) {
                    api.get("/api/numbers?prefix=415&quantity=5&account_id=acct-" + (i % 100));
                    searches.incrementAndGet();
                }
            });
        }
        Await.until(Duration.ofSeconds(10), () -> searches.get() >= 30, () -> searches.get() + " searches before the upload");
    }

    /** Acquires, one after another, a number for an account a canary at 10% would take, recording each order id. */
    void acquiresOfCanaryAccounts() {
        List<String> canaryAccounts = IntStream.range(0, 1000).mapToObj(i -> "buyer-" + i)
                .filter(a -> StickyShare.bucketOf(a) < 10).limit(20).toList();
        background(() -> {
            for (int i = 0; running.get(); i++) {
                String account = canaryAccounts.get(i % canaryAccounts.size());
                Reply found = api.get("/api/numbers?prefix=4155" + String.format("%03d", i % 1000) + "&quantity=1&account_id=" + account);
                if (found.status() != 200 || found.json().path("numbers").isEmpty()) {
                    continue;
                }
                String number = found.json().path("numbers").path(0).path("number").asText();
                Reply bought = api.post("/api/numbers/" + number + "/acquire", "{\"account_id\":\"" + account + "\"}");
                if (bought.status() == 200) {
                    acquired.add(bought.json().path("data").path("order_id").asText());
                }
            }
        });
    }

    void background(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        load.add(thread);
    }

    Reply act(String action) {
        return api.post("/api/carriers/mock/rollout", "{\"action\":\"" + action + "\"}");
    }

    /** Starts the host and uploads a clean v2, whose first step lasts a minute: a rollout that runs while the test acts. */
    void v2RunningForAMinute() throws Exception {
        settings.put("carrier.mock.rollout.interval_ms", "60000");
        start();
        upload("");
    }

    /** Uploads v2 with {@code switches} while searches run; its rollout once it ended. */
    JsonNode rolloutUnderSearches(String switches) throws Exception {
        start();
        searchesUnderLoad();
        upload(switches);
        return rolloutEnded();
    }

    JsonNode rolloutEnded() {
        Await.until(Duration.ofSeconds(30), () -> {
            String status = mock().path("rollout").path("status").asText();
            return status.equals("promoted") || status.equals("rolled_back");
        }, () -> mock().path("rollout").toString());
        return mock().path("rollout");
    }

    @Test
    void aV2ThatFaults30PercentOfSearchesIsRolledBackAndNoAcquireReachedIt() throws Exception {
        start();
        searchesUnderLoad();
        acquiresOfCanaryAccounts();

        Reply began = upload("search_fault_percent=30\n");
        JsonNode rollout = rolloutEnded();
        Await.until(Duration.ofSeconds(10), () -> acquired.size() >= 3, () -> acquired.size() + " acquires");

        assertEquals(200, began.status(), began.text());
        assertEquals("rolled_back", rollout.path("status").asText(), rollout.toString());
        assertTrue(rollout.path("reason").asText().startsWith("error rate"), rollout.toString());
        assertTrue(rollout.path("window").path("canary").path("errors").asLong() > 0, rollout.toString());
        assertTrue(rollout.path("window").path("stable").path("calls").asLong() > 0, "both versions served in one window");
        assertEquals(0, rollout.path("weight").asInt());
        assertEquals("1.0.0", mock().path("version").asText(), "v1 serves on");
        assertEquals(List.of(), acquired.stream().filter(id -> id.contains("-v2-")).toList(), "acquires that reached v2");
    }

    @Test
    void aV2ThatReturnsNoNumbersIsRolledBackOnYield() throws Exception {
        JsonNode rollout = rolloutUnderSearches("no_numbers=true\n");

        assertEquals("rolled_back", rollout.path("status").asText(), rollout.toString());
        assertTrue(rollout.path("reason").asText().startsWith("yield 0.00"), rollout.toString());
        assertEquals(0, rollout.path("window").path("canary").path("errors").asLong(), "no error, only no numbers");
        assertEquals("1.0.0", mock().path("version").asText());
    }
}
