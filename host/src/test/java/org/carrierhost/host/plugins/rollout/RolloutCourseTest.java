package org.carrierhost.host.plugins.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where a rollout goes after one window: the step a host on its own and the judge of a cluster both take. */
class RolloutCourseTest {

    private static final RolloutSettings SETTINGS = new RolloutSettings(true, List.of(5, 25, 100), Duration.ofSeconds(1),
            10, 3, 5, 5, 200, Duration.ofMillis(50), 50);
    private static final WindowFigures CLEAN = new WindowFigures(100, 0, 0, 10, 100, 500, 500);
    private static final WindowFigures FAILING = new WindowFigures(20, 10, 0, 10, 10, 50, 50);
    private static final WindowFigures FEW = new WindowFigures(3, 0, 0, 10, 3, 15, 15);

    private static RolloutView at(int step, RolloutStatus status) {
        return new RolloutView("1.0.0", "2.0.0", SETTINGS.weightAt(step - 1), step, 3, SETTINGS.acquiresAt(step - 1), status,
                "began", Instant.EPOCH, WindowFigures.NONE, WindowFigures.NONE);
    }

    @Test
    void aPassingWindowTakesTheNextStepsWeight() {
        RolloutView next = RolloutCourse.afterWindow(at(1, RolloutStatus.RUNNING), CLEAN, CLEAN, SETTINGS);

        assertEquals(2, next.step());
        assertEquals(25, next.weight());
        assertEquals(RolloutStatus.RUNNING, next.status());
        assertEquals(CLEAN, next.canaryLast());
    }

    @Test
    void aPassingWindowAtTheLastStepPromotes() {
        RolloutView next = RolloutCourse.afterWindow(at(3, RolloutStatus.RUNNING), WindowFigures.NONE, CLEAN, SETTINGS);

        assertEquals(RolloutStatus.PROMOTED, next.status());
        assertEquals(100, next.weight());
        assertTrue(next.reason().startsWith("every step passed"), next.reason());
    }

    @Test
    void aFailingWindowRollsBackToNoShare() {
        RolloutView next = RolloutCourse.afterWindow(at(2, RolloutStatus.RUNNING), CLEAN, FAILING, SETTINGS);

        assertEquals(RolloutStatus.ROLLED_BACK, next.status());
        assertEquals(0, next.weight());
        assertTrue(next.reason().startsWith("error rate"), next.reason());
    }

    @Test
    void tooFewCanaryCallsHoldTheStep() {
        RolloutView next = RolloutCourse.afterWindow(at(2, RolloutStatus.RUNNING), CLEAN, FEW, SETTINGS);

        assertEquals(2, next.step());
        assertEquals(25, next.weight());
        assertTrue(next.reason().startsWith("inconclusive"), next.reason());
    }

    @Test
    void aPausedRolloutOnlyShowsTheWindowsFigures() {
        RolloutView next = RolloutCourse.afterWindow(at(2, RolloutStatus.PAUSED), CLEAN, FAILING, SETTINGS);

        assertEquals(at(2, RolloutStatus.PAUSED).withFigures(CLEAN, FAILING), next);
    }

    @Test
    void twoHostsFiguresTogetherSumTheCountsAndKeepTheHigherP99() {
        WindowFigures both = CLEAN.plus(new WindowFigures(10, 1, 1, 80, 9, 45, 40));

        assertEquals(new WindowFigures(110, 1, 1, 80, 109, 545, 540), both);
    }
}
