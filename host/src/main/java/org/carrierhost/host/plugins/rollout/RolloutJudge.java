package org.carrierhost.host.plugins.rollout;

import java.util.Locale;

/**
 * Judges a canary against the stable version on the same window: too few canary calls holds the step; errors the
 * stable does not make, timeouts the stable does not have, a p99 far above the stable's, or fewer numbers per number
 * asked (a canary that answers nothing, without an error, is the silent failure) fail it. In a window where the
 * stable took no calls (the canary at 100%) only the canary's own error and timeout rates are judged, against none.
 *
 * <p>Thread-safe: stateless.
 */
public final class RolloutJudge {

    private RolloutJudge() {
    }

    /** The verdict on {@code canary} against {@code stable}, by {@code settings}' thresholds. */
    public static Verdict judge(WindowFigures stable, WindowFigures canary, RolloutSettings settings) {
        if (canary.calls() < settings.minCalls()) {
            return new Verdict.Hold("inconclusive: " + canary.calls() + " canary calls, fewer than min_calls "
                    + settings.minCalls());
        }
        double errors = canary.errorRate() - stable.errorRate();
        if (errors * 100 > settings.maxErrorIncrease()) {
            return new Verdict.Fail("error rate " + percent(canary.errorRate()) + " against the stable's "
                    + percent(stable.errorRate()) + " (max_error_increase " + settings.maxErrorIncrease() + " points)");
        }
        double timeouts = canary.timeoutRate() - stable.timeoutRate();
        if (timeouts * 100 > settings.maxTimeoutIncrease()) {
            return new Verdict.Fail("timeout rate " + percent(canary.timeoutRate()) + " against the stable's "
                    + percent(stable.timeoutRate()) + " (max_timeout_increase " + settings.maxTimeoutIncrease() + " points)");
        }
        if (stable.calls() > 0 && canary.p99Ms() >= settings.p99Floor().toMillis()
                && canary.p99Ms() * 100 > stable.p99Ms() * settings.maxP99Ratio()) {
            return new Verdict.Fail("p99 " + millis(canary.p99Ms()) + " against the stable's " + millis(stable.p99Ms())
                    + " (max_p99_ratio " + settings.maxP99Ratio() + "%)");
        }
        if (stable.asked() > 0 && canary.searches() > 0 && canary.yield() * 100 < stable.yield() * settings.minYield()) {
            return new Verdict.Fail(String.format(Locale.ROOT, "yield %.2f numbers per number asked against the stable's "
                    + "%.2f (min_yield %d%%)", canary.yield(), stable.yield(), settings.minYield()));
        }
        return new Verdict.Pass(canary.calls() + " canary calls, error rate " + percent(canary.errorRate())
                + " against " + percent(stable.errorRate()));
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }
}
