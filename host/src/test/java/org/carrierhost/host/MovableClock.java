package org.carrierhost.host;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system's UTC clock plus an offset a test moves forward, so a host reading it is in the next minute at once
 * instead of after a wall-clock wait; time still passes as it does on the system clock.
 *
 * <p>Thread-safe: the offset is one atomic, read by the host's threads while the test thread advances it.
 */
public final class MovableClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    /** Moves this clock {@code by} forward. */
    public void advance(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MovableClock is UTC only");
    }
}
