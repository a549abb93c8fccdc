package org.carrierhost.host;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.events.HostEventListener;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sets up an embedded {@link CarrierHost}: where its plugin zips and its data live, its settings, the
 * listeners of its typed events and, optionally, a Micrometer registry. The HTTP API is off unless
 * {@link #http(int)} or {@link #withHttp()} asks for it; with it off no port is opened and no admin
 * token file is written, and the platform uses {@link CarrierHost#manager()} as its Java API.
 *
 * <pre>{@code
 * try (CarrierHost host = CarrierHost.builder().pluginsDir(Path.of("plugins")).dataDir(Path.of("data")).start()) {
 *     SearchResponse found = host.manager().find(SearchRequest.of("415", 10));
 * }
 * }</pre>
 *
 * <p>Not thread-safe: a builder is filled and started on one thread. The host it starts is thread-safe.
 */
public final class CarrierHostBuilder {

    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<HostEventListener> listeners = new ArrayList<>();
    private MeterRegistry meterRegistry;
    private boolean http;

    CarrierHostBuilder() {
    }

    /** The drop-in directory of {@code carrier-*.zip} plugins, watched while the host runs ({@code plugins.dir}). */
    public CarrierHostBuilder pluginsDir(Path dir) {
        return setting("plugins.dir", dir.toString());
    }

    /** Where the registry (embedded H2) and the plugins' working copies live ({@code data.dir}). */
    public CarrierHostBuilder dataDir(Path dir) {
        return setting("data.dir", dir.toString());
    }

    /** One setting, for example {@code carrier.mock.latency_ms}; every key is in {@link org.carrierhost.host.config.Settings}. */
    public CarrierHostBuilder setting(String key, String value) {
        settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Every setting in {@code values}, over those set before. */
    public CarrierHostBuilder settings(Map<String, String> values) {
        values.forEach(this::setting);
        return this;
    }

    /** Receives the host's typed events from the first one on, the loads of start-up included. */
    public CarrierHostBuilder listener(HostEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * The platform's Micrometer registry, for the host's meters (carrier calls, lifecycle, HTTP, connection
     * pool), which {@link CarrierHost#close()} takes out again; the JVM's meters are the platform's to bind.
     * Without one the host keeps a Prometheus registry of its own. {@code GET /metrics} serves the
     * registry when it is, or holds, a Prometheus registry. See {@link CarrierHost#meters()}.
     */
    public CarrierHostBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /** Serves the HTTP API and the console on {@code port} (0 picks a free one), on {@code http.bind}. */
    public CarrierHostBuilder http(int port) {
        setting("http.port", Integer.toString(port));
        return withHttp();
    }

    /** Serves the HTTP API and the console on {@code http.port} and {@code http.bind} (8080 on 127.0.0.1 unless set). */
    public CarrierHostBuilder withHttp() {
        this.http = true;
        return this;
    }

    /**
     * Starts the host: opens the registry and loads every plugin zip in the plugins directory.
     *
     * @throws org.carrierhost.host.config.InvalidSettingException naming a setting whose value is wrong
     * @throws IllegalStateException when the data directory, database or port cannot be used
     */
    public CarrierHost start() {
        return CarrierHost.start(HostConfiguration.of(settings).settings(), List.copyOf(listeners), http,
                Optional.ofNullable(meterRegistry), java.time.Clock.systemUTC());
    }
}
