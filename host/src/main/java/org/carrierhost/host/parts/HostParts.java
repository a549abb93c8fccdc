package org.carrierhost.host.parts;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import org.carrierhost.host.cluster.ClusterSync;
import org.carrierhost.host.http.Route;
import org.carrierhost.host.plugins.lifecycle.CarrierLifecycle;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.registry.NumberRegistry;

/**
 * The Internal parts of a running host, for the host's own tools, tests and benchmarks: the carrier table,
 * the lifecycle, the number registry, the cluster sync and the HTTP routes. The embedding API
 * ({@code CarrierHost}) exposes only Supported types; a host registers its parts here when it starts and
 * takes them out when it closes, and {@link #of} finds them.
 *
 * <p>Thread-safe: an immutable value; the registry of hosts is a synchronised weak map.
 */
public final class HostParts {

    private static final Map<Object, HostParts> RUNNING = new WeakHashMap<>();

    private final CarrierTable carriers;
    private final CarrierLifecycle lifecycle;
    private final NumberRegistry registry;
    private final ClusterSync cluster;
    private final Supplier<List<Route>> routes;

    /**
     * @param routes the HTTP routes served, in the order they are matched (empty when HTTP is off)
     */
    public HostParts(CarrierTable carriers, CarrierLifecycle lifecycle, NumberRegistry registry, ClusterSync cluster,
                     Supplier<List<Route>> routes) {
        this.carriers = carriers;
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.cluster = cluster;
        this.routes = routes;
    }

    /** Registers {@code parts} as those of {@code host}, until {@link #forget}. */
    public static void register(Object host, HostParts parts) {
        synchronized (RUNNING) {
            RUNNING.put(Objects.requireNonNull(host), Objects.requireNonNull(parts));
        }
    }

    /** {@code host} closed: its parts are no longer found. */
    public static void forget(Object host) {
        synchronized (RUNNING) {
            RUNNING.remove(host);
        }
    }

    /**
     * The parts of {@code host}, a {@code CarrierHost} that started in this process.
     *
     * @throws IllegalStateException when it is not running
     */
    public static HostParts of(Object host) {
        synchronized (RUNNING) {
            HostParts parts = RUNNING.get(host);
            if (parts == null) {
                throw new IllegalStateException(host + " is not a running host");
            }
            return parts;
        }
    }

    /** The carriers and their states. */
    public CarrierTable carriers() {
        return carriers;
    }

    /** The lifecycle: its verbs load, swap, enable, disable, reload, install and remove carriers. */
    public CarrierLifecycle lifecycle() {
        return lifecycle;
    }

    /** The number registry. */
    public NumberRegistry registry() {
        return registry;
    }

    /** The cluster of hosts sharing the database. */
    public ClusterSync cluster() {
        return cluster;
    }

    /** The HTTP routes, in the order they are matched; empty when HTTP is off. */
    public List<Route> routes() {
        return routes.get();
    }
}
