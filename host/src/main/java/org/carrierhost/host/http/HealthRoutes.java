package org.carrierhost.host.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.api.CarrierApi;
import org.carrierhost.host.plugins.CarrierTable;

/**
 * {@code GET /api/health}: public, for load balancers and the launcher's checks.
 *
 * <p>Thread-safe: reads thread-safe parts only.
 */
public final class HealthRoutes {

    private final CarrierTable carriers;
    private final Instant started = Instant.now();

    public HealthRoutes(CarrierTable carriers) {
        this.carriers = carriers;
    }

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("GET", "/api/health", null, request -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "UP");
            body.put("api_version", CarrierApi.VERSION);
            body.put("carriers_known", carriers.views().size());
            body.put("carriers_serving", carriers.servingIds().size());
            body.put("uptime_ms", Duration.between(started, Instant.now()).toMillis());
            return ApiResponse.ok(body);
        }));
    }
}
