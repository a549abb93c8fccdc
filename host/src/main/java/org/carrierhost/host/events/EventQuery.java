package org.carrierhost.host.events;

import java.time.Instant;

/**
 * Which entries of the event log to read: each filter that is set must match; entries come newest first,
 * at most {@code limit} of them, or oldest first when only entries after an id are asked for.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param carrier the carrier the entry is filed under, or null for any
 * @param action  the action, for example {@code disable}, or null for any
 * @param actor   the actor, for example {@code api:admin}, or null for any
 * @param since   the earliest time, or null
 * @param before  only entries with a smaller id (the next page), or null
 * @param after   only entries with a larger id (oldest first: what a resuming reader missed), or null
 * @param limit   the most entries, at least 1
 */
public record EventQuery(String carrier, String action, String actor, Instant since, Long before, Long after, int limit) {

    public EventQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    /** The newest {@code limit} entries, unfiltered. */
    public static EventQuery newest(int limit) {
        return new EventQuery(null, null, null, null, null, null, limit);
    }

    /** Up to {@code limit} entries after id {@code after}, oldest first. */
    public static EventQuery after(long after, int limit) {
        return new EventQuery(null, null, null, null, null, after, limit);
    }
}
