package org.carrierhost.host.http;


import org.carrierhost.host.events.RecentCalls;
import org.carrierhost.host.plugins.lifecycle.CarrierView;
import org.carrierhost.host.plugins.lifecycle.LifecycleVerbs;
import org.carrierhost.host.plugins.lifecycle.Origin;

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
            CarrierUpload upload = CarrierUpload.of(request.header("Content-Type").orElse(""), request.body());
            return carrier(operations.install(upload.zip(), upload.signature(), request.actor(), Origin.HERE));
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
