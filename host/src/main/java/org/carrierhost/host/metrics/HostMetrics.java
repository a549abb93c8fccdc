package org.carrierhost.host.metrics;

import java.util.Optional;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.carrierhost.host.events.HostEventListener;
import org.carrierhost.host.http.HttpObserver;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;

/**
 * The host's metrics: the registry they go to and the parts that feed it. With a platform's registry the
 * host adds its own meters there and takes them out on {@link #close()}; the JVM's are the platform's to
 * bind. Without one, the host makes a {@link PrometheusMeterRegistry} of its own, binds the JVM's and the
 * process's meters to it too, and closes it on {@link #close()}. {@link #scrapeable()} is what
 * {@code GET /metrics} serves: the Prometheus registry, the platform's or one inside its composite, or
 * the host's own.
 *
 * <p>Thread-safe: the parts are set up on the starting thread before any event arrives, and are
 * thread-safe themselves.
 */
public final class HostMetrics implements AutoCloseable {

    private final MeterRegistry registry;
    private final boolean own;
    private final OwnedMeters meters;
    private final JvmMeters jvm;
    private final HttpMeters http;

    private HostMetrics(MeterRegistry registry, boolean own) {
        this.registry = registry;
        this.own = own;
        this.meters = new OwnedMeters(registry);
        this.jvm = own ? new JvmMeters(registry) : null;
        this.http = new HttpMeters(meters);
    }

    /** Metrics into the platform's {@code given} registry, or into a Prometheus registry of the host's own. */
    public static HostMetrics create(Optional<MeterRegistry> given) {
        return given.map(r -> new HostMetrics(r, false))
                .orElseGet(() -> new HostMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), true));
    }

    /** The registry the host's meters are in. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The listener that turns the host's events into meters of the carriers in {@code carriers}, and of the lifecycle. */
    public HostEventListener listener(CarrierTable carriers) {
        CarrierMeters carrierMeters = new CarrierMeters(meters, carriers);
        carrierMeters.sync();
        return new MeteringListener(carrierMeters, new LifecycleMeters(meters));
    }

    /** Meters the registry's connection pool. */
    public void watchPool(DataSource pool) {
        PoolMeters.bind(pool, registry);
    }

    /** What the HTTP server tells of each request it answered. */
    public HttpObserver http() {
        return http;
    }

    /** The Prometheus registry {@code GET /metrics} serves, when there is one. */
    public Optional<PrometheusMeterRegistry> scrapeable() {
        return prometheusIn(registry);
    }

    private static Optional<PrometheusMeterRegistry> prometheusIn(MeterRegistry registry) {
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return Optional.of(prometheus);
        }
        if (registry instanceof CompositeMeterRegistry composite) {
            return composite.getRegistries().stream().map(HostMetrics::prometheusIn).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.close();
        }
        meters.removeAll();
        if (own) {
            registry.close();
        }
    }
}
