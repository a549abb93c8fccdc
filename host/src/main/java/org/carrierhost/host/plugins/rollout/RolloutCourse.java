package org.carrierhost.host.plugins.rollout;

/**
 * Where a rollout goes after a window: the pure step that both a host on its own and the host judging for a cluster
 * take. A paused rollout only shows the window's figures; a failing window rolls it back, too few calls hold the
 * step, and a passing window takes the next step, or promotes it from the last.
 *
 * <p>Thread-safe: stateless.
 */
public final class RolloutCourse {

    private RolloutCourse() {
    }

    /** {@code view} after a window in which the stable version made {@code stable} and the canary {@code canary}. */
    public static RolloutView afterWindow(RolloutView view, WindowFigures stable, WindowFigures canary,
                                          RolloutSettings settings) {
        RolloutView judged = view.withFigures(stable, canary);
        if (view.status() != RolloutStatus.RUNNING) {
            return judged;
        }
        Verdict verdict = RolloutJudge.judge(stable, canary, settings);
        if (verdict instanceof Verdict.Fail) {
            return judged.at(RolloutStatus.ROLLED_BACK, verdict.reason(), 0);
        }
        if (verdict instanceof Verdict.Hold) {
            return judged.at(RolloutStatus.RUNNING, verdict.reason(), view.weight());
        }
        if (view.step() == view.steps()) {
            return judged.at(RolloutStatus.PROMOTED, "every step passed: " + verdict.reason(), 100);
        }
        int next = view.step();
        return new RolloutView(view.stable(), view.canary(), settings.weightAt(next), next + 1, view.steps(),
                settings.acquiresAt(next), RolloutStatus.RUNNING, verdict.reason(), view.since(), stable, canary);
    }
}
