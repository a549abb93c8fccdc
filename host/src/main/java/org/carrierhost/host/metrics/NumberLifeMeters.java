package org.carrierhost.host.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.carrierhost.host.events.HoldAction;
import org.carrierhost.host.events.HoldEvent;
import org.carrierhost.host.events.HostEvent;
import org.carrierhost.host.events.HostEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of numbers' lives: {@code carrierhost_holds_total{event}}, one count per hold created, extended,
 * expired, released or consumed on this host.
 *
 * <p>Thread-safe: its counters are made once each, in a concurrent map, and Micrometer's counters are thread-safe.
 */
public final class NumberLifeMeters implements HostEventListener {

    static final String HOLDS = "carrierhost.holds";

    private final MeterRegistry registry;
    private final Map<HoldAction, Counter> holds = new ConcurrentHashMap<>();

    public NumberLifeMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(HostEvent event) {
        if (event instanceof HoldEvent hold && hold.error() == null) {
            holds.computeIfAbsent(hold.action(), action -> Counter.builder(HOLDS)
                    .description("Holds created, extended, expired, released and consumed on this host")
                    .tag("event", action.name().toLowerCase(java.util.Locale.ROOT)).register(registry)).increment();
        }
    }

    @Override
    public String toString() {
        return "number-life-metrics";
    }
}
