package org.carrierhost.host.http;

import org.carrierhost.host.holds.Holds;

/**
 * {@code /api/holds}: make, list, read, extend and release holds.
 *
 * <p>Thread-safe: the holds are.
 */
public final class HoldRoutes {

    private final Holds holds;

    public HoldRoutes(Holds holds) {
        this.holds = holds;
    }

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("POST", "/api/holds", Role.OPERATOR, request -> {
            HoldBody body = request.json(HoldBody.class);
            return ApiResponse.ok(HoldAnswer.of(holds.create(body.texts(), body.accountId(), body.ttl(), request.actor())));
        }));
        server.route(Route.of("GET", "/api/holds", Role.VIEWER, request -> {
            request.onlyQuery(java.util.Set.of("account_id", "active"));
            return ApiResponse.ok(java.util.Map.of("holds", holds.list(request.query("account_id").orElse(null),
                    request.query("active").map(Boolean::parseBoolean).orElse(true)).stream().map(HoldAnswer::of).toList()));
        }));
        server.route(Route.of("GET", "/api/holds/{id}", Role.VIEWER, request -> ApiResponse.ok(HoldAnswer.of(holds.get(request.parameter("id"))))));
        server.route(Route.of("POST", "/api/holds/{id}/extend", Role.OPERATOR, request -> ApiResponse.ok(HoldAnswer.of(
                holds.extend(request.parameter("id"), request.json(HoldBody.class).ttl(), request.actor())))));
        server.route(Route.of("DELETE", "/api/holds/{id}", Role.OPERATOR, request -> ApiResponse.ok(HoldAnswer.of(
                holds.release(request.parameter("id"), request.actor())))));
    }
}
