package org.carrierhost.host.plugins.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.config.Settings;
import org.carrierhost.host.errors.StandardException;

/**
 * How carrier {@code carrier.<id>.rollout.*} says a new version takes over: at once ({@code swap}), or as a canary in
 * steps, each judged against the version it replaces.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param canary             {@code rollout=canary}
 * @param steps              {@code rollout.steps}: the canary's share of the traffic at each step, in percent, rising
 * @param interval           {@code rollout.interval_ms}: how long each step lasts, and the window judged at its end
 * @param minCalls           {@code rollout.min_calls}: fewer canary calls in a window is inconclusive, and holds the step
 * @param acquireFrom        {@code rollout.acquire_from}: the step (from 1) from which acquires and disconnects join
 * @param maxErrorIncrease   {@code rollout.max_error_increase}: the most the canary's error rate may exceed the
 *                           stable's, in percentage points
 * @param maxTimeoutIncrease {@code rollout.max_timeout_increase}: the same for the timeout rate
 * @param maxP99Ratio        {@code rollout.max_p99_ratio}: the most the canary's p99 may be, in percent of the stable's
 * @param p99Floor           {@code rollout.p99_floor_ms}: a canary p99 under this is never judged slow
 * @param minYield           {@code rollout.min_yield}: the least the canary's numbers per number asked may be, in
 *                           percent of the stable's
 */
public record RolloutSettings(boolean canary, List<Integer> steps, Duration interval, int minCalls, int acquireFrom,
                              int maxErrorIncrease, int maxTimeoutIncrease, int maxP99Ratio, Duration p99Floor,
                              int minYield) {

    public RolloutSettings {
        steps = List.copyOf(steps);
    }

    /**
     * The settings in carrier {@code id}'s section, over the defaults.
     *
     * @throws StandardException {@code invalid} naming the key, for steps that are not rising percentages
     */
    public static RolloutSettings from(String id, CarrierConfig section) {
        return new RolloutSettings("canary".equals(Settings.ROLLOUT.inSection(id, section)),
                steps(id, Settings.ROLLOUT_STEPS.inSection(id, section)), Settings.ROLLOUT_INTERVAL.inSection(id, section),
                Settings.ROLLOUT_MIN_CALLS.inSection(id, section), Settings.ROLLOUT_ACQUIRE_FROM.inSection(id, section),
                Settings.ROLLOUT_MAX_ERROR_INCREASE.inSection(id, section),
                Settings.ROLLOUT_MAX_TIMEOUT_INCREASE.inSection(id, section), Settings.ROLLOUT_MAX_P99_RATIO.inSection(id, section),
                Settings.ROLLOUT_P99_FLOOR.inSection(id, section), Settings.ROLLOUT_MIN_YIELD.inSection(id, section));
    }

    private static List<Integer> steps(String id, List<String> items) {
        List<Integer> steps = new ArrayList<>();
        for (String item : items) {
            int step;
            try {
                step = Integer.parseInt(item);
            } catch (NumberFormatException e) {
                throw badSteps(id, items, "'" + item + "' is not a whole number");
            }
            if (step < 1 || step > 100 || !steps.isEmpty() && step <= steps.get(steps.size() - 1)) {
                throw badSteps(id, items, "each step is a percentage from 1 to 100, higher than the one before");
            }
            steps.add(step);
        }
        if (steps.isEmpty()) {
            throw badSteps(id, items, "give at least one step, for example 5,25,50,100");
        }
        return steps;
    }

    private static StandardException badSteps(String id, List<String> items, String why) {
        return StandardException.of(ErrorCode.INVALID, Settings.ROLLOUT_STEPS.keyFor(id) + "=" + String.join(",", items)
                + " is not a list of steps", why);
    }

    /** The canary's share at step {@code index} (from 0), in percent. */
    public int weightAt(int index) {
        return steps.get(index);
    }

    /** Whether acquires and disconnects reach the canary at step {@code index} (from 0). */
    public boolean acquiresAt(int index) {
        return index + 1 >= acquireFrom;
    }
}
