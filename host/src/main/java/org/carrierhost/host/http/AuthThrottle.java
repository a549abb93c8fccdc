package org.carrierhost.host.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

/**
 * Slows down token guessing: after {@value #FREE_FAILURES} wrong or missing tokens in a row from one client
 * address (with no right one between), that client's requests to authenticated routes are answered
 * {@code 429 rate_limited} for a backoff that doubles with each further failure, from 100 ms up to 30 s. A
 * right token resets the count. Public routes are never throttled.
 *
 * <p>Thread-safe: per-client state lives in a concurrent map and is updated atomically per key; the map is
 * emptied if it ever holds more than {@value #MAX_CLIENTS} clients.
 */
final class AuthThrottle {

    static final int FREE_FAILURES = 10;
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 30_000;
    private static final int MAX_CLIENTS = 10_000;

    private final Map<String, Failures> clients = new ConcurrentHashMap<>();

    /**
     * @throws StandardException {@code rate_limited} while {@code client} is backing off
     */
    void check(String client) {
        Failures failures = clients.get(client);
        long left = failures == null ? 0 : failures.blockedUntil() - System.currentTimeMillis();
        if (left > 0) {
            throw StandardException.of(ErrorCode.RATE_LIMITED, "too many wrong tokens from this client",
                    "retry in " + left + " ms");
        }
    }

    /** Counts a right ({@code ok}) or wrong token from {@code client}. */
    void record(String client, boolean ok) {
        if (ok) {
            clients.remove(client);
            return;
        }
        if (clients.size() > MAX_CLIENTS) {
            clients.clear();
        }
        clients.merge(client, new Failures(1, 0), (old, one) -> {
            int count = old.count() + 1;
            int over = count - FREE_FAILURES;
            long backoff = over <= 0 ? 0 : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(over - 1, 20));
            return new Failures(count, backoff == 0 ? 0 : System.currentTimeMillis() + backoff);
        });
    }

    /** A client's failures in a row, and until when it is refused. */
    private record Failures(int count, long blockedUntil) {
    }
}
