package org.carrierhost.host.metrics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.http.ApiResponse;
import org.carrierhost.host.http.ApiServer;
import org.carrierhost.host.http.Role;
import org.carrierhost.host.http.Route;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics}: the registry in the Prometheus text format (version 0.0.4), for a viewer's token,
 * or for anyone when {@code metrics.public=true}.
 *
 * <p>Thread-safe: the registry scrapes under its own locks.
 */
public final class MetricsRoute {

    /** The Prometheus text format's content type. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final boolean open;

    /** Serves {@code registry}; {@code open} lets any client read it, without a token. */
    public MetricsRoute(PrometheusMeterRegistry registry, boolean open) {
        this.registry = registry;
        this.open = open;
    }

    /** Adds the route to {@code server}: {@code /metrics}, Prometheus' default path, and {@code /api/metrics} beside the API. */
    public void register(ApiServer server) {
        for (String path : List.of("/metrics", "/api/metrics")) {
            server.route(Route.of("GET", path, open ? null : Role.VIEWER, request ->
                    new ApiResponse(200, registry.scrape().getBytes(StandardCharsets.UTF_8), CONTENT_TYPE, Map.of())));
        }
    }
}
