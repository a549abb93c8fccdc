package org.carrierhost.host.plugins.call;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Call counts and latency of one carrier, kept across reloads.
 *
 * <p>Thread-safe: adders and atomics, updated without locks.
 */
public final class CarrierStats {

    private final LongAdder calls = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();

    void record(long nanos, boolean failed) {
        calls.increment();
        if (failed) {
            errors.increment();
        }
        totalNanos.add(nanos);
        lastNanos.set(nanos);
        maxNanos.accumulateAndGet(nanos, Math::max);
    }

    /** The figures now. */
    public Snapshot snapshot() {
        long n = calls.sum();
        return new Snapshot(n, errors.sum(), n == 0 ? 0 : totalNanos.sum() / n / 1_000_000.0,
                maxNanos.get() / 1_000_000.0, lastNanos.get() / 1_000_000.0);
    }

    /**
     * The figures at one moment.
     *
     * @param calls  calls made
     * @param errors calls that failed
     * @param meanMs mean latency in milliseconds
     * @param maxMs  the slowest call in milliseconds
     * @param lastMs the latest call in milliseconds
     */
    public record Snapshot(long calls, long errors, double meanMs, double maxMs, double lastMs) {
    }
}
