package org.carrierhost.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Timings of one measure, in milliseconds, with the order statistics the figures quote.
 *
 * <p>Not thread-safe: one harness thread records and reads it.
 */
public final class Samples {

    private final List<Double> ms = new ArrayList<>();

    /** Records the time since {@code startNanos} (a {@link System#nanoTime()} reading). */
    public void addSince(long startNanos) {
        add((System.nanoTime() - startNanos) / 1e6);
    }

    /** Records one timing in milliseconds. */
    public void add(double millis) {
        ms.add(millis);
    }

    /** How many timings were recorded. */
    public int size() {
        return ms.size();
    }

    /** The median. */
    public double median() {
        return percentile(0.5);
    }

    /** The {@code p} quantile (0 to 1), nearest rank. */
    public double percentile(double p) {
        if (ms.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1))));
    }
}
