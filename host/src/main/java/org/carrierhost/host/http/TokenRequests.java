package org.carrierhost.host.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

/**
 * Caps the requests one token has in flight at once, bodies still arriving included: {@code
 * http.max_requests_per_token} for an operator or the admin, the lower {@code http.max_requests_per_viewer}
 * for a viewer, so that no viewer can occupy the worker pool or the queue in front of it. One more is
 * answered {@code 429 rate_limited}.
 *
 * <p>Thread-safe: one atomic counter per token name, in a concurrent map; the names are the configured
 * tokens', so the map never grows past them.
 */
final class TokenRequests {

    private final int perToken;
    private final int perViewer;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    TokenRequests(int perToken, int perViewer) {
        this.perToken = perToken;
        this.perViewer = perViewer;
    }

    /**
     * Takes one of {@code principal}'s slots; hand the returned slot back with {@link Slot#release} once.
     *
     * @throws StandardException {@code rate_limited} when all are taken
     */
    Slot take(Principal principal) {
        AtomicInteger count = inFlight.computeIfAbsent(principal.name(), name -> new AtomicInteger());
        boolean viewer = principal.role() == Role.VIEWER;
        int cap = viewer ? perViewer : perToken;
        if (count.incrementAndGet() > cap) {
            count.decrementAndGet();
            throw StandardException.of(ErrorCode.RATE_LIMITED, "token '" + principal.name() + "' has " + cap
                    + " requests in flight already", "wait for one to be answered ("
                    + (viewer ? "http.max_requests_per_viewer" : "http.max_requests_per_token") + ")");
        }
        return new Slot(count);
    }

    /** One request's slot. */
    static final class Slot {
        private final AtomicInteger count;
        private boolean released;

        private Slot(AtomicInteger count) {
            this.count = count;
        }

        /** Gives the slot back; a second call does nothing. */
        synchronized void release() {
            if (!released) {
                released = true;
                count.decrementAndGet();
            }
        }
    }
}
