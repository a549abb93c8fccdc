package org.carrierhost.plugins.telnyx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@code x-ratelimit-reset} read as documented (seconds from now) and as shown (an epoch). */
class RateLimitResetTest {

    private static final long NOW = 1_780_000_000_000L;

    @Test
    void smallValuesAreSecondsFromNow() {
        assertEquals(Duration.ofSeconds(3), RateLimitReset.waitFor(Optional.of("3"), NOW));
    }

    @Test
    void anEpochSecondIsTheTimeTheWindowResets() {
        assertEquals(Duration.ofSeconds(5), RateLimitReset.waitFor(Optional.of(String.valueOf(NOW / 1000 + 5)), NOW));
    }

    @Test
    void anEpochInThePastMeansNoWait() {
        assertEquals(Duration.ZERO, RateLimitReset.waitFor(Optional.of(String.valueOf(NOW / 1000 - 5)), NOW));
    }

    @Test
    void aMissingOrUnreadableHeaderWaitsTheDefault() {
        assertEquals(RateLimitReset.DEFAULT_WAIT, RateLimitReset.waitFor(Optional.empty(), NOW));
        assertEquals(RateLimitReset.DEFAULT_WAIT, RateLimitReset.waitFor(Optional.of("soon"), NOW));
    }
}
