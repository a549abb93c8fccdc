package org.carrierhost.host.http;

import java.util.Locale;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.RecentCalls;
import org.carrierhost.host.plugins.lifecycle.CarrierView;
import org.carrierhost.host.plugins.lifecycle.LifecycleVerbs;

/**
 * {@code /api/carriers} changes at runtime: enable, disable, reload, install (upload a zip) and remove.
 * Each answers the carrier object, or the standard error saying why not.
 *
 * <p>Thread-safe: holds only thread-safe parts.
 */
public final class CarrierLifecycleRoutes {

    private final LifecycleVerbs operations;
    private final long maxZipBytes;
    private final RecentCalls recent;

    /**
     * @param maxZipBytes the largest zip accepted by {@code POST /api/carriers} ({@code plugins.max_zip_bytes})
     * @param recent      each carrier's calls over the last minutes, shown in the carrier objects answered
     */
    public CarrierLifecycleRoutes(LifecycleVerbs operations, long maxZipBytes, RecentCalls recent) {
        this.operations = operations;
        this.maxZipBytes = maxZipBytes;
        this.recent = recent;
    }

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("POST", "/api/carriers", Role.OPERATOR, request -> {
            String type = request.header("Content-Type").orElse("").split(";", -1)[0].strip().toLowerCase(Locale.ROOT);
            if (!type.equals("application/zip")) {
                throw StandardException.of(ErrorCode.INVALID, "the body must be a plugin zip",
                        "send Content-Type: application/zip, not " + StandardError.bounded(type, 100));
            }
            return carrier(operations.install(request.body(), request.actor()));
        }).withMaxBody(maxZipBytes));
        server.route(Route.of("POST", "/api/carriers/{id}/enable", Role.OPERATOR,
                request -> carrier(operations.enable(request.parameter("id"), request.actor()))));
        server.route(Route.of("POST", "/api/carriers/{id}/disable", Role.OPERATOR,
                request -> carrier(operations.disable(request.parameter("id"), request.actor()))));
        server.route(Route.of("POST", "/api/carriers/{id}/reload", Role.OPERATOR,
                request -> carrier(operations.reload(request.parameter("id"), request.actor()))));
        server.route(Route.of("DELETE", "/api/carriers/{id}", Role.OPERATOR,
                request -> carrier(operations.remove(request.parameter("id"), request.actor()))));
    }

    private ApiResponse carrier(CarrierView view) {
        return ApiResponse.ok(CarrierAnswer.of(view, recent.figures(view.id())));
    }
}
