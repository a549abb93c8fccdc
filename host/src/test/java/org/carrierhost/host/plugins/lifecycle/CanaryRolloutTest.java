package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.RunsAlone;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Canary rollouts ({@code carrier.mock.rollout=canary}): mock v1 serves, v2 is uploaded while searches of 100 accounts
 * run, and takes a share of them step by step, judged every 300 ms against v1 in the same window; the rollbacks of
 * {@link CanaryRollbacks}, and promotion, the operator's actions and a swap.
 *
 * <p>It runs the {@code POST /api/carriers/{id}/rollout} example of docs/operating.md ("Canary rollouts") on a running canary.
 */
@RunsAlone
class CanaryRolloutTest extends CanaryRollbacks {

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
