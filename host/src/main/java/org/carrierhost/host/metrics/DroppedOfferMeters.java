package org.carrierhost.host.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjIntConsumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code carrierhost_search_dropped_total{carrier}}: the offers searches on this host left out because they broke a
 * filter, by the carrier that offered them.
 *
 * <p>Thread-safe: its counters are made once each, in a concurrent map, and Micrometer's counters are thread-safe.
 */
public final class DroppedOfferMeters implements ObjIntConsumer<String> {

    static final String DROPPED = "carrierhost.search.dropped";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public DroppedOfferMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(String carrier, int count) {
        counters.computeIfAbsent(carrier, id -> Counter.builder(DROPPED)
                .description("Offers a search left out because they broke a filter, by carrier")
                .tag("carrier", id).register(registry)).increment(count);
    }
}
