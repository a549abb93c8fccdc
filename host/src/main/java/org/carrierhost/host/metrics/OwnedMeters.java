package org.carrierhost.host.metrics;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters the host added to a registry, so that they can be taken out again: a platform's registry
 * outlives the host, and must not keep reading a closed host's parts.
 *
 * <p>Thread-safe: a concurrent queue.
 */
final class OwnedMeters {

    private final MeterRegistry registry;
    private final Queue<Meter> added = new ConcurrentLinkedQueue<>();

    OwnedMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Remembers {@code meter}, just registered, and returns it. */
    <T extends Meter> T add(T meter) {
        added.add(meter);
        return meter;
    }

    /** Takes {@code meter} out of the registry. */
    void remove(Meter meter) {
        added.remove(meter);
        registry.remove(meter);
    }

    /** Takes every meter added out of the registry. */
    void removeAll() {
        for (Meter meter; (meter = added.poll()) != null; ) {
            registry.remove(meter);
        }
    }
}
