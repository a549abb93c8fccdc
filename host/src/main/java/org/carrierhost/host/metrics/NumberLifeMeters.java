package org.carrierhost.host.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentHashMap;

import org.carrierhost.host.events.HoldAction;
import org.carrierhost.host.events.HoldEvent;
import org.carrierhost.host.events.HostEvent;
import org.carrierhost.host.events.HostEventListener;
import org.carrierhost.host.events.ReconcileEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of numbers' lives: {@code carrierhost_holds_total{event}}, one count per hold created, extended,
 * expired, released or consumed on this host; and {@code carrierhost_reconcile_drift{carrier,kind}}, the rows of drift
 * of the latest reconciliation of each carrier run on this host.
 *
 * <p>Thread-safe: its counters are made once each, in a concurrent map, and Micrometer's counters are thread-safe.
 */
public final class NumberLifeMeters implements HostEventListener {

    static final String HOLDS = "carrierhost.holds";
    static final String DRIFT = "carrierhost.reconcile.drift";

    private final MeterRegistry registry;
    private final Map<HoldAction, Counter> holds = new ConcurrentHashMap<>();
    private final Map<List<String>, AtomicInteger> drift = new ConcurrentHashMap<>();

    public NumberLifeMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(HostEvent event) {
        if (event instanceof HoldEvent hold && hold.error() == null) {
            holds.computeIfAbsent(hold.action(), action -> Counter.builder(HOLDS)
                    .description("Holds created, extended, expired, released and consumed on this host")
                    .tag("event", action.name().toLowerCase(java.util.Locale.ROOT)).register(registry)).increment();
        } else if (event instanceof ReconcileEvent run && run.action().equals(ReconcileEvent.RUN) && run.error() == null) {
            run.drift().forEach((kind, rows) -> drift.computeIfAbsent(List.of(run.carrier(), kind), key -> {
                AtomicInteger value = new AtomicInteger();
                Gauge.builder(DRIFT, value, AtomicInteger::get)
                        .description("Rows of drift the latest reconciliation of a carrier found on this host, by kind")
                        .tags("carrier", key.get(0), "kind", key.get(1)).register(registry);
                return value;
            }).set(rows));
        }
    }

    @Override
    public String toString() {
        return "number-life-metrics";
    }
}
