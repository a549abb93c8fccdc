package org.carrierhost.host.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/whoami}: the calling token's name and role, so the console can show who is signed in
 * and offer only what that role may do, and whether the host serves {@code /api/cluster}.
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
            // Whether this host serves the cluster view, so the console asks for it only where it exists.
            body.put("cluster", server.routes().stream().anyMatch(r -> r.pattern().equals("/api/cluster")));
            return ApiResponse.ok(body);
        }));
    }
}
