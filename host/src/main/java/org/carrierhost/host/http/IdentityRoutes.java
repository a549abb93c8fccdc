package org.carrierhost.host.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/whoami}: the calling token's name and role, so the console can show who is signed in
 * and offer only what that role may do.
 *
 * <p>Thread-safe: stateless.
 */
public final class IdentityRoutes {

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("GET", "/api/whoami", Role.VIEWER, request -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", request.principal().name());
            body.put("role", request.principal().role().name().toLowerCase(Locale.ROOT));
            body.put("actor", request.principal().actor());
            return ApiResponse.ok(body);
        }));
    }
}
