package org.carrierhost.host.plugins.rollout;

import java.util.Arrays;
import java.util.List;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.events.CarrierOperation;
import org.carrierhost.host.plugins.call.CallKey;
import org.carrierhost.host.plugins.call.CallObserver;

/**
 * The calls of one version in a rollout's current window: told by the call path as each call on that version ends,
 * and taken whole (then started afresh) at the end of each window, so two versions are judged on the same minutes,
 * never against history. At most {@link #MAX_SAMPLES} latencies are kept per window for the p99.
 *
 * <p>Thread-safe: every method is synchronized; a call's end takes the lock briefly.
 */
public final class VersionWindow implements CallObserver {

    /** The most latencies one window keeps. */
    static final int MAX_SAMPLES = 20_000;

    private long calls;
    private long errors;
    private long timeouts;
    private long searches;
    private long asked;
    private long returned;
    private long[] nanos = new long[64];
    private int samples;

    @Override
    public synchronized void settled(CallKey key, long took, StandardError error, Object value) {
        calls++;
        if (samples < MAX_SAMPLES) {
            if (samples == nanos.length) {
                nanos = Arrays.copyOf(nanos, nanos.length * 2);
            }
            nanos[samples++] = took;
        }
        if (error != null) {
            errors++;
            if (error.code() == ErrorCode.TIMEOUT) {
                timeouts++;
            }
        } else if (key.operation() == CarrierOperation.FIND && key.asked() > 0) {
            searches++;
            asked += key.asked();
            returned += value instanceof List<?> numbers ? numbers.size() : 0;
        }
    }

    /** The figures of the window now ending; the next window starts empty. */
    public synchronized WindowFigures take() {
        long[] sorted = Arrays.copyOf(nanos, samples);
        Arrays.sort(sorted);
        double p99 = samples == 0 ? 0 : sorted[Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1)] / 1_000_000.0;
        WindowFigures figures = new WindowFigures(calls, errors, timeouts, p99, searches, asked, returned);
        calls = errors = timeouts = searches = asked = returned = 0;
        samples = 0;
        return figures;
    }
}
