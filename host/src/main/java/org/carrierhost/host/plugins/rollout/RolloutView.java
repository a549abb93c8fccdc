package org.carrierhost.host.plugins.rollout;

import java.time.Instant;

/**
 * A carrier's canary rollout as the API shows it: running, or the last one, ended.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param stable       the version it replaces
 * @param canary       the new version
 * @param weight       the canary's share of the searches now, in percent (0 once rolled back, 100 once promoted)
 * @param step         the step it is at, from 1
 * @param steps        how many steps there are
 * @param acquires     whether acquires and disconnects reach the canary now
 * @param status       where it stands
 * @param reason       why it stands there: the last window's verdict, or who ended or paused it
 * @param since        when it began
 * @param stableLast   the stable version's figures in the last window judged
 * @param canaryLast   the canary's figures in the last window judged
 */
public record RolloutView(String stable, String canary, int weight, int step, int steps, boolean acquires,
                          RolloutStatus status, String reason, Instant since, WindowFigures stableLast,
                          WindowFigures canaryLast) {

    /** This view at {@code next} status, for {@code why}, with the share {@code weight}. */
    public RolloutView at(RolloutStatus next, String why, int share) {
        return new RolloutView(stable, canary, share, step, steps, acquires && !next.ended(), next, why, since, stableLast,
                canaryLast);
    }

    /** This view with {@code stable} and {@code canary} as the figures of the last window. */
    public RolloutView withFigures(WindowFigures stable, WindowFigures canary) {
        return new RolloutView(this.stable, this.canary, weight, step, steps, acquires, status, reason, since, stable, canary);
    }

    /** Whether {@code other} is a rollout of the same two versions (at any step). */
    public boolean sameVersions(RolloutView other) {
        return stable.equals(other.stable) && canary.equals(other.canary);
    }
}
