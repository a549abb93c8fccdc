package org.carrierhost.host.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.carrierhost.api.ErrorCode;
import org.junit.jupiter.api.Test;

/** Each carrier's calls over the last 15 minutes, from {@link CallCompleted} events. */
class RecentCallsTest {

    private static final Instant NOW = Instant.parse("2026-01-31T12:14:30Z");
    private final RecentCalls recent = new RecentCalls(Clock.fixed(NOW, ZoneOffset.UTC));

    private void call(Instant at, long millis, ErrorCode error, String detail) {
        recent.onEvent(new CallCompleted(at, "mock", CarrierOperation.FIND, error, Duration.ofMillis(millis), detail));
    }

    @Test
    void callsAreCountedInTheMinuteTheyFinished() {
        call(NOW, 5, null, null);
        call(NOW.minusSeconds(60), 5, ErrorCode.TIMEOUT, "too slow");
        call(NOW.minusSeconds(60), 5, null, null);

        List<RecentCalls.Minute> minutes = recent.figures("mock").minutes();
        assertEquals(RecentCalls.MINUTES, minutes.size());
        assertEquals(Instant.parse("2026-01-31T12:14:00Z"), minutes.get(14).start());
        assertEquals(1, minutes.get(14).calls());
        assertEquals(2, minutes.get(13).calls());
        assertEquals(1, minutes.get(13).errors());
    }

    @Test
    void callsOlderThanTheWindowAreLeftOut() {
        call(NOW.minusSeconds(20 * 60), 5, null, null);

        assertTrue(recent.figures("mock").minutes().stream().allMatch(m -> m.calls() == 0));
    }

    @Test
    void theMedianAndThe99thPercentileAreKnownWithinAFifth() {
        for (int i = 1; i <= 100; i++) {
            call(NOW, i, null, null);
        }
        RecentCalls.Minute minute = recent.figures("mock").minutes().get(14);

        assertTrue(minute.p50Ms() >= 50 && minute.p50Ms() <= 60, "p50 " + minute.p50Ms());
        assertTrue(minute.p99Ms() >= 99 && minute.p99Ms() <= 100, "p99 " + minute.p99Ms());
    }

    @Test
    void aCallFailingAsNotConfiguredMarksTheCarrierUntilACallAnswers() {
        call(NOW, 1, ErrorCode.CARRIER_UNAVAILABLE, "bandwidth is not configured: not configured: base_url is required");
        assertTrue(recent.figures("mock").notConfigured());

        call(NOW, 1, null, null);
        assertFalse(recent.figures("mock").notConfigured());
        assertEquals(ErrorCode.CARRIER_UNAVAILABLE, recent.figures("mock").lastError().error(), "the last error is kept");
    }

    @Test
    void aCarrierWithoutCallsHasEmptyMinutes() {
        RecentCalls.Figures none = recent.figures("nobody");

        assertEquals(RecentCalls.MINUTES, none.minutes().size());
        assertFalse(none.lastFailed());
    }
}
