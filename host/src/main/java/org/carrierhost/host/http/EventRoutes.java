package org.carrierhost.host.http;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.EventLog;

/**
 * {@code GET /api/events}: the audit and lifecycle log, newest first.
 *
 * <p>Thread-safe: reads a thread-safe log.
 */
public final class EventRoutes {

    private static final int MAX_LIMIT = 1000;

    private final EventLog events;

    public EventRoutes(EventLog events) {
        this.events = events;
    }

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("GET", "/api/events", Role.VIEWER, request -> {
            int limit = request.queryInt("limit", 200);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw StandardException.of(ErrorCode.INVALID, "limit must be from 1 to " + MAX_LIMIT, "got " + limit);
            }
            return ApiResponse.ok(events.recent(limit).stream().map(EventAnswer::of).toList());
        }));
    }
}
