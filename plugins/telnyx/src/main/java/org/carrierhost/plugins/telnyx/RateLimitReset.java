package org.carrierhost.plugins.telnyx;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait on a 429, from its {@code x-ratelimit-reset} header. Telnyx documents it as seconds until
 * the window resets, and replies have shown it as an epoch: both are read, by size.
 *
 * <p>Thread-safe: stateless.
 */
final class RateLimitReset {

    /** Used when the header is missing or unreadable. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

    private static final long EPOCH_SECONDS_FLOOR = 1_000_000_000L;     // 2001 in epoch seconds
    private static final long EPOCH_MILLIS_FLOOR = 100_000_000_000L;    // 1973 in millis

    private RateLimitReset() {
    }

    static Duration waitFor(Optional<String> header, long nowMillis) {
        long value;
        try {
            value = Long.parseLong(header.orElse("").trim());
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT;
        }
        if (value < 0) {
            return DEFAULT_WAIT;
        }
        long waitMillis;
        if (value < EPOCH_SECONDS_FLOOR) {
            waitMillis = value * 1000;
        } else if (value < EPOCH_MILLIS_FLOOR) {
            waitMillis = value * 1000 - nowMillis;
        } else {
            waitMillis = value - nowMillis;
        }
        return Duration.ofMillis(Math.max(0, waitMillis));
    }
}
