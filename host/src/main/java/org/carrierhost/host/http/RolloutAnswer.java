package org.carrierhost.host.http;

import java.util.Locale;

import org.carrierhost.host.plugins.rollout.RolloutView;
import org.carrierhost.host.plugins.rollout.WindowFigures;

/**
 * A carrier's canary rollout as the API answers it ({@code components/schemas/Rollout}): the one running, or the last.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param stable   the version it replaces
 * @param canary   the new version
 * @param weight   the canary's share of the searches now, in percent
 * @param step     the step it is at, from 1
 * @param steps    how many steps there are
 * @param acquires whether acquires and disconnects reach the canary now
 * @param status   {@code running}, {@code paused}, {@code promoted} or {@code rolled_back}
 * @param reason   why it stands there
 * @param since    when it began
 * @param window   both versions' figures in the last window judged
 */
record RolloutAnswer(String stable, String canary, int weight, int step, int steps, boolean acquires, String status,
                     String reason, String since, Window window) {

    static RolloutAnswer of(RolloutView view) {
        return new RolloutAnswer(view.stable(), view.canary(), view.weight(), view.step(), view.steps(), view.acquires(),
                view.status().wireName(), view.reason(), ApiTime.of(view.since()),
                new Window(Figures.of(view.stableLast()), Figures.of(view.canaryLast())));
    }

    /**
     * Both versions in one window.
     *
     * @param stable the stable version's figures
     * @param canary the canary's figures
     */
    record Window(Figures stable, Figures canary) {
    }

    /**
     * One version's figures in one window.
     *
     * @param calls    calls that ended
     * @param errors   of those, the failed ones (timeouts included)
     * @param timeouts of those, the ones past their deadline
     * @param p99Ms    their 99th percentile latency
     * @param asked    numbers asked by its searches that answered
     * @param returned numbers those searches returned
     */
    record Figures(long calls, long errors, long timeouts, double p99Ms, long asked, long returned) {

        static Figures of(WindowFigures f) {
            return new Figures(f.calls(), f.errors(), f.timeouts(), Double.parseDouble(String.format(Locale.ROOT, "%.1f", f.p99Ms())),
                    f.asked(), f.returned());
        }
    }
}
