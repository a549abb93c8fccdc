package org.carrierhost.host.plugins.rollout;

/**
 * One version's calls in one judging window.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param calls    calls that ended in the window
 * @param errors   of those, the ones that failed (timeouts included)
 * @param timeouts of those, the ones that missed their deadline
 * @param p99Ms    the 99th percentile of their latency, in milliseconds (0 without calls)
 * @param searches searches that answered
 * @param asked    the numbers those searches asked for
 * @param returned the numbers they returned
 */
public record WindowFigures(long calls, long errors, long timeouts, double p99Ms, long searches, long asked, long returned) {

    /** No calls. */
    public static final WindowFigures NONE = new WindowFigures(0, 0, 0, 0, 0, 0, 0);

    /** Errors per call, from 0 to 1 (0 without calls). */
    public double errorRate() {
        return calls == 0 ? 0 : (double) errors / calls;
    }

    /** Timeouts per call, from 0 to 1 (0 without calls). */
    public double timeoutRate() {
        return calls == 0 ? 0 : (double) timeouts / calls;
    }

    /** Numbers returned per number asked by the searches that answered (0 when none asked). */
    public double yield() {
        return asked == 0 ? 0 : (double) returned / asked;
    }

    /**
     * These figures and {@code other}'s (another host's, of the same window) together: the counts summed, and the
     * higher p99 (the p99 of the two together is not known; the higher one never hides a slow host).
     */
    public WindowFigures plus(WindowFigures other) {
        return new WindowFigures(calls + other.calls, errors + other.errors, timeouts + other.timeouts,
                Math.max(p99Ms, other.p99Ms), searches + other.searches, asked + other.asked, returned + other.returned);
    }
}
