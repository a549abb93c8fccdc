package org.carrierhost.host.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.EventLog;
import org.carrierhost.host.events.EventQuery;

/**
 * {@code GET /api/events}: the audit and lifecycle log, newest first, filtered on the server by
 * {@code carrier}, {@code action}, {@code actor} and {@code since} (an ISO-8601 instant), and paged: at
 * most {@code limit} entries, and {@code before=<id>} for the page after the one whose last entry had that
 * id. Any other query parameter is refused, naming it.
 *
 * <p>Thread-safe: reads a thread-safe log.
 */
public final class EventRoutes {

    /** The query parameters {@code GET /api/events} takes. */
    static final Set<String> PARAMETERS = Set.of("carrier", "action", "actor", "since", "before", "limit");
    private static final int MAX_LIMIT = 1000;

    private final EventLog events;

    public EventRoutes(EventLog events) {
        this.events = events;
    }

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("GET", "/api/events", Role.VIEWER, request -> {
            request.onlyQuery(PARAMETERS);
            int limit = request.queryInt("limit", 200);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw StandardException.of(ErrorCode.INVALID, "limit must be from 1 to " + MAX_LIMIT, "got " + limit);
            }
            Long before = null;
            if (request.query("before").isPresent()) {
                before = (long) request.queryInt("before", 0);
            }
            EventQuery query = new EventQuery(request.query("carrier").orElse(null), request.query("action").orElse(null),
                    request.query("actor").orElse(null), request.query("since").map(EventRoutes::instant).orElse(null),
                    before, null, limit);
            return ApiResponse.ok(events.find(query).stream().map(EventAnswer::of).toList());
        }));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw StandardException.of(ErrorCode.INVALID, "since must be an ISO-8601 instant, for example 2026-01-31T12:00:00Z",
                    "got '" + StandardError.bounded(text, 60) + "'");
        }
    }
}
