package org.carrierhost.host.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.carrierhost.api.CarrierApi;
import org.carrierhost.host.events.HostEventListener;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;

/**
 * {@code GET /api/health} (liveness: the process answers) and {@code GET /api/health/ready} (readiness: the
 * registry answers, every enabled carrier is started with its circuit closed and no unloaded carrier's threads burn
 * CPU; 503 naming each reason
 * otherwise). Public, for load balancers and orchestrators.
 *
 * <p>Thread-safe: reads thread-safe parts only; the readiness probe bounds its own registry query.
 */
public final class HealthRoutes implements AutoCloseable {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final CarrierTable carriers;
    private final LeftoverThreads leftovers = new LeftoverThreads();
    private final Readiness readiness;
    private final Instant started = Instant.now();

    /** @param mandatory whether a carrier ({@code carrier.<id>.mandatory}) keeps the host not ready while it is not configured */
    public HealthRoutes(CarrierTable carriers, DataSource registry, Predicate<String> mandatory) {
        this.carriers = carriers;
        this.readiness = new Readiness(carriers, registry, PROBE_TIMEOUT, mandatory, leftovers);
    }

    /** What readiness needs to hear: the threads unloaded carriers left running. Add it to the host's events. */
    public HostEventListener listener() {
        return leftovers;
    }

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        // /healthz and /readyz: the names Kubernetes probes and most load balancers try first, same answers.
        for (String path : List.of("/api/health", "/healthz")) {
            server.route(Route.of("GET", path, null, request -> liveness()));
        }
        for (String path : List.of("/api/health/ready", "/readyz")) {
            server.route(Route.of("GET", path, null, request -> readiness()));
        }
    }

    private ApiResponse liveness() {
        return ApiResponse.ok(new Health("UP", CarrierApi.VERSION, carriers.views().size(), carriers.servingIds().size(),
                Duration.between(started, Instant.now()).toMillis()));
    }

    private ApiResponse readiness() {
        List<String> reasons = readiness.reasons();
        if (reasons.isEmpty()) {
            return ApiResponse.ok(new Ready("READY", carriers.servingIds().size()));
        }
        return ApiHandler.error(ApiError.of(503, "not_ready", "not ready: " + String.join("; ", reasons),
                String.join("\n", reasons)));
    }

    @Override
    public void close() {
        readiness.close();
    }

    /**
     * The liveness answer.
     *
     * @param status           always {@code UP}: the process answers
     * @param apiVersion       the carrier api version
     * @param carriersKnown    carriers listed
     * @param carriersServing  carriers serving
     * @param uptimeMs         since the start
     */
    record Health(String status, String apiVersion, int carriersKnown, int carriersServing, long uptimeMs) {
    }

    /**
     * The readiness answer when ready.
     *
     * @param status          {@code READY}
     * @param carriersServing carriers serving
     */
    record Ready(String status, int carriersServing) {
    }
}
