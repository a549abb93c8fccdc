package org.carrierhost.host;

/**
 * The load of the reliability tests: shortened for the default run, the issue's own under the Maven profile
 * {@code reliability-long} ({@code -Dreliability.long=true}), whose figures go in BENCHMARKS.md.
 *
 * <p>Thread-safe: reads a system property.
 */
public final class Reliability {

    private Reliability() {
    }

    /** Whether the long version runs. */
    public static boolean isLong() {
        return Boolean.getBoolean("reliability.long");
    }

    /** {@code shortened} in the default run, {@code full} in the long one. */
    public static int load(int shortened, int full) {
        return isLong() ? full : shortened;
    }
}
