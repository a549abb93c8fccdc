package org.carrierhost.host.http;

import org.carrierhost.host.plugins.lifecycle.SelfTests;

/**
 * {@code POST /api/carriers/{id}/selftest}: runs the self-test of the version that serves, now, and answers it
 * ({@code 404} for an unknown carrier, {@code 400} when none serves).
 *
 * <p>Thread-safe: holds only thread-safe parts.
 */
public final class SelfTestRoutes {

    private final SelfTests selfTests;

    public SelfTestRoutes(SelfTests selfTests) {
        this.selfTests = selfTests;
    }

    /** Adds the route to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("POST", "/api/carriers/{id}/selftest", Role.ADMIN,
                request -> ApiResponse.ok(SelfTestAnswer.of(selfTests.run(request.parameter("id"), request.actor())))));
    }
}
