package org.carrierhost.host.plugins.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.events.CarrierOperation;
import org.carrierhost.host.plugins.call.CallKey;
import org.junit.jupiter.api.Test;

/** A canary judged against the stable version on one window, by each threshold. */
class RolloutJudgeTest {

    private static final RolloutSettings SETTINGS = new RolloutSettings(true, List.of(5, 25, 50, 100), Duration.ofSeconds(1),
            10, 3, 5, 5, 200, Duration.ofMillis(50), 50);
    private static final WindowFigures CLEAN = new WindowFigures(100, 0, 0, 10, 100, 500, 500);

    @Test
    void fewerCanaryCallsThanMinCallsHoldsTheStepEvenWhenEveryOneFailed() {
        Verdict verdict = RolloutJudge.judge(CLEAN, new WindowFigures(9, 9, 0, 10, 0, 0, 0), SETTINGS);

        assertInstanceOf(Verdict.Hold.class, verdict);
        assertTrue(verdict.reason().startsWith("inconclusive"), verdict.reason());
    }

    @Test
    void errorsTheStableDoesNotMakeFailTheCanary() {
        assertFails(CLEAN, new WindowFigures(20, 6, 0, 10, 14, 70, 70), "error rate 30.0% against the stable's 0.0%");
    }

    @Test
    void errorsTheStableMakesTooDoNotFailTheCanary() {
        WindowFigures outage = new WindowFigures(100, 30, 0, 10, 70, 350, 350);

        assertInstanceOf(Verdict.Pass.class, RolloutJudge.judge(outage, new WindowFigures(20, 6, 0, 10, 14, 70, 70), SETTINGS));
    }

    @Test
    void aHigherTimeoutRateFailsTheCanary() {
        WindowFigures stableErrors = new WindowFigures(100, 20, 0, 10, 80, 400, 400);

        assertFails(stableErrors, new WindowFigures(20, 4, 4, 10, 16, 80, 80), "timeout rate 20.0%");
    }

    @Test
    void aP99AboveTheRatioFailsTheCanaryOnlyAboveTheFloor() {
        assertFails(CLEAN, new WindowFigures(20, 0, 0, 60, 20, 100, 100), "p99 60.0 ms against the stable's 10.0 ms");
        assertInstanceOf(Verdict.Pass.class, RolloutJudge.judge(CLEAN, new WindowFigures(20, 0, 0, 40, 20, 100, 100), SETTINGS));
    }

    @Test
    void aCanaryReturningNoNumbersWithoutErrorsFailsOnYield() {
        assertFails(CLEAN, new WindowFigures(20, 0, 0, 10, 20, 100, 0), "yield 0.00 numbers per number asked");
    }

    @Test
    void aCanaryAsGoodAsTheStablePasses() {
        assertInstanceOf(Verdict.Pass.class, RolloutJudge.judge(CLEAN, new WindowFigures(20, 0, 0, 12, 20, 100, 100), SETTINGS));
    }

    @Test
    void aWindowCountsCallsErrorsTimeoutsAndYieldThenStartsAfresh() {
        VersionWindow window = new VersionWindow();
        CallKey search = new CallKey(CarrierOperation.FIND, "acct", 5);
        window.settled(search, 2_000_000, null, List.of("a", "b"));
        window.settled(search, 4_000_000, new StandardError(ErrorCode.TIMEOUT, "late", null, "mock"), null);
        window.settled(new CallKey(CarrierOperation.ACQUIRE, "acct", 0), 1_000_000, null, null);

        WindowFigures figures = window.take();

        assertEquals(new WindowFigures(3, 1, 1, 4.0, 1, 5, 2), figures);
        assertEquals(WindowFigures.NONE, window.take());
    }

    @Test
    void anAccountStaysOnTheCanaryAsItsWeightRisesAndACallForNoAccountStaysOnTheStable() {
        for (int i = 0; i < 200; i++) {
            String account = "acct-" + i;
            int bucket = StickyShare.bucketOf(account);
            for (int weight : List.of(5, 25, 50, 100)) {
                assertEquals(bucket < weight, StickyShare.toCanary(account, weight), account + " at " + weight);
            }
        }
        assertEquals(false, StickyShare.toCanary(null, 100));
    }

    private static void assertFails(WindowFigures stable, WindowFigures canary, String reasonStart) {
        Verdict verdict = RolloutJudge.judge(stable, canary, SETTINGS);

        assertInstanceOf(Verdict.Fail.class, verdict);
        assertTrue(verdict.reason().startsWith(reasonStart), verdict.reason());
    }
}
