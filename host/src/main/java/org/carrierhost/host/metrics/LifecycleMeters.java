package org.carrierhost.host.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;

/**
 * The plugin lifecycle's meters, from {@link CarrierEvent}s: every step by action and outcome (loads,
 * swaps and their failures among them), and how long each operator's action took (a reload, say).
 *
 * <p>Thread-safe: meters are looked up in concurrent maps.
 */
final class LifecycleMeters {

    static final String EVENTS = "carrierhost.lifecycle.events";
    static final String DURATION = "carrierhost.lifecycle.duration";

    private final OwnedMeters meters;
    private final Map<StepKey, Counter> steps = new ConcurrentHashMap<>();
    private final Map<CarrierAction, Timer> durations = new ConcurrentHashMap<>();

    LifecycleMeters(OwnedMeters meters) {
        this.meters = meters;
    }

    /** Counts {@code event}, and times it when it says how long it took. */
    void record(CarrierEvent event) {
        steps.computeIfAbsent(new StepKey(event.action(), event.succeeded()), key -> meters.add(Counter.builder(EVENTS)
                .description("Plugin lifecycle steps and operators' actions, by action (load, swap, reload, ...) and outcome")
                .tags("action", key.action().wireName(), "outcome", key.ok() ? "ok" : "failed")
                .register(meters.registry()))).increment();
        if (event.took() != null) {
            durations.computeIfAbsent(event.action(), action -> meters.add(Timer.builder(DURATION)
                    .description("How long an operator's action on a carrier took, waiting for its lock included")
                    .tag("action", action.wireName())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(2))
                    .register(meters.registry()))).record(event.took());
        }
    }

    private record StepKey(CarrierAction action, boolean ok) {
    }
}
