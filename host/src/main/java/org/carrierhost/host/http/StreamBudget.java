package org.carrierhost.host.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory all event streams' unsent frames may take together ({@code http.stream_memory_bytes}) and one
 * stream's most ({@code http.stream_client_bytes}). A stream asks before it queues a frame: it may when it
 * stays within its most and, while the whole is over the budget, within its fair share of the budget (the
 * budget over the streams open); else it is cut. A stream that keeps up is never cut for the others, and the
 * frames held stay under twice the budget: the budget, plus at most a fair share each.
 *
 * <p>Thread-safe: the total is an atomic counter; the peak is kept for the reliability tests.
 */
final class StreamBudget {

    private final long total;
    private final long perClient;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    StreamBudget(long total, long perClient) {
        this.total = total;
        this.perClient = perClient;
    }

    /**
     * Takes {@code bytes} for a stream that holds {@code already}; why it may not, or null when it took them.
     */
    String take(long already, long bytes, int streams) {
        if (already + bytes > perClient) {
            return "this stream fell more than " + perClient + " bytes behind (http.stream_client_bytes)";
        }
        long now = held.addAndGet(bytes);
        long share = total / Math.max(1, streams);
        if (now > total && already + bytes > share) {
            held.addAndGet(-bytes);
            return "the event streams together fell more than " + total + " bytes behind (http.stream_memory_bytes),"
                    + " and this one more than its share of " + share;
        }
        peak.accumulateAndGet(now, Math::max);
        return null;
    }

    /** Gives back {@code bytes} written or dropped. */
    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    /** The unsent bytes of all streams now. */
    long held() {
        return held.get();
    }

    /** The most unsent bytes all streams held at once. */
    long peak() {
        return peak.get();
    }
}
