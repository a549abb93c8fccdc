package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.plugins.rollout.StickyShare;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Canary rollouts ({@code carrier.mock.rollout=canary}): mock v1 serves, v2 is uploaded while searches of 100 accounts
 * run, and takes a share of them step by step, judged every 300 ms against v1 in the same window.
 *
 * <p>It runs the {@code POST /api/carriers/{id}/rollout} example of docs/operating.md ("Canary rollouts") on a running canary.
 */
@RunsAlone
class CanaryRolloutTest extends MockUpgrades {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> load = new ArrayList<>();
    private final AtomicInteger searches = new AtomicInteger();
    private final Queue<String> acquired = new ConcurrentLinkedQueue<>();

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

    private Reply upload(String switches) throws Exception {
        return upload("2.0.0", "order_tag=-v2\n" + switches);
    }

    /** Searches of accounts {@code acct-0} to {@code acct-99} on three threads, until the test ends. */
    private void searchesUnderLoad() {
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
    private void acquiresOfCanaryAccounts() {
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

    private void background(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        load.add(thread);
    }

    private Reply act(String action) {
        return api.post("/api/carriers/mock/rollout", "{\"action\":\"" + action + "\"}");
    }

    /** Starts the host and uploads a clean v2, whose first step lasts a minute: a rollout that runs while the test acts. */
    private void v2RunningForAMinute() throws Exception {
        settings.put("carrier.mock.rollout.interval_ms", "60000");
        start();
        upload("");
    }

    /** Uploads v2 with {@code switches} while searches run; its rollout once it ended. */
    private JsonNode rolloutUnderSearches(String switches) throws Exception {
        start();
        searchesUnderLoad();
        upload(switches);
        return rolloutEnded();
    }

    private JsonNode rolloutEnded() {
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

    @Test
    void aCleanV2IsPromotedThroughEveryStep() throws Exception {
        JsonNode rollout = rolloutUnderSearches("");

        assertEquals("promoted", rollout.path("status").asText(), rollout.toString());
        assertEquals(3, rollout.path("step").asInt(), "promoted from the last step");
        assertEquals(100, rollout.path("weight").asInt());
        assertTrue(rollout.path("reason").asText().startsWith("every step passed"), rollout.toString());
        assertEquals("2.0.0", mock().path("version").asText());
        assertEquals("1.0.0", rollout.path("stable").asText());
        Await.until(Duration.ofSeconds(5), () -> rolloutEvents().stream().anyMatch(s -> s.contains("promoted")),
                () -> rolloutEvents().toString());
        List<String> steps = rolloutEvents();
        assertTrue(steps.stream().anyMatch(s -> s.contains("at 50% (step 2 of 3, searches only)")), steps.toString());
        assertTrue(steps.stream().anyMatch(s -> s.contains("at 100% (step 3 of 3, acquires too)")), steps.toString());
    }

    private List<String> rolloutEvents() {
        List<String> targets = new ArrayList<>();
        api.get("/api/events?limit=500").json().forEach(e -> {
            if ("rollout".equals(e.path("action").asText())) {
                targets.add(e.path("target").asText());
            }
        });
        return targets;
    }

    @Test
    void whileV2IsACanaryTheCarrierShowsBothVersionsTheStepAndItsWeight() throws Exception {
        v2RunningForAMinute();

        JsonNode rollout = mock().path("rollout");

        assertEquals("running", rollout.path("status").asText(), rollout.toString());
        assertEquals("1.0.0", rollout.path("stable").asText());
        assertEquals("2.0.0", rollout.path("canary").asText());
        assertEquals(10, rollout.path("weight").asInt());
        assertEquals(1, rollout.path("step").asInt());
        assertFalse(rollout.path("acquires").asBoolean(), "searches go first");
        assertEquals("1.0.0", mock().path("version").asText(), "v1 is the version that serves");
    }

    @Test
    void anOperatorPausesResumesAndAbortsARollout() throws Exception {
        v2RunningForAMinute();

        Reply paused = act("pause");
        Reply resumed = act("resume");
        Reply aborted = act("abort");

        assertEquals("paused", paused.json().path("status").asText(), paused.text());
        assertEquals("running", resumed.json().path("status").asText(), resumed.text());
        assertEquals("rolled_back", aborted.json().path("status").asText(), aborted.text());
        assertTrue(aborted.json().path("reason").asText().startsWith("aborted by"), aborted.text());
        assertEquals("1.0.0", mock().path("version").asText());
        assertEquals("rolled_back", mock().path("rollout").path("status").asText(), "the last rollout stays shown");
    }

    @Test
    void anOperatorPromotesARolloutAtOnce() throws Exception {
        v2RunningForAMinute();

        Reply promoted = act("promote");

        assertEquals(200, promoted.status(), promoted.text());
        assertEquals("promoted", promoted.json().path("status").asText());
        assertEquals("2.0.0", mock().path("version").asText());
    }

    @Test
    void anUnknownActionIsA400NamingTheActions() {
        assertRefused("rewind", 400, "pause, resume, promote, abort");
    }

    @Test
    void anActionWithNoRolloutRunningIsA409() {
        assertRefused("pause", 409, "no rollout running");
    }

    private void assertRefused(String action, int status, String saying) {
        start();

        Reply refused = act(action);

        assertEquals(status, refused.status(), refused.text());
        assertTrue(refused.text().contains(saying), refused.text());
    }

    @Test
    void stepsThatAreNotRisingPercentagesRefuseTheNewVersionAndV1ServesOn() throws Exception {
        settings.put("carrier.mock.rollout.steps", "50,25");
        start();

        Reply refused = upload("");

        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.text().contains("carrier.mock.rollout.steps=50,25 is not a list of steps"), refused.text());
        assertEquals("1.0.0", mock().path("version").asText());
    }

    @Test
    void underSwapANewVersionTakesOverAtOnce() throws Exception {
        settings.remove("carrier.mock.rollout");
        start();

        upload("");

        assertEquals("2.0.0", mock().path("version").asText());
        assertTrue(mock().path("rollout").isMissingNode(), mock().toString());
    }
}
