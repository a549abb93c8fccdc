package org.carrierhost.host.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import org.carrierhost.host.events.CallCompleted;
import org.carrierhost.host.events.CarrierOperation;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.plugins.lifecycle.CarrierView;

/**
 * Each carrier's meters: its calls by operation and outcome ({@code ok} or the standard error code), a
 * latency histogram per operation, its calls in flight, and its state and breaker state, one series per
 * state whose value is 1 for the current one. Calls are counted from {@link CallCompleted} events; the
 * gauges read the carrier table when scraped, and are added for a carrier when it first appears and
 * taken out when it is gone. Calls naming a carrier the table does not know count as carrier
 * {@code unknown}, so no request can add series.
 *
 * <p>Thread-safe: meters are looked up in concurrent maps; {@link #sync} is serialised.
 */
final class CarrierMeters {

    static final String CALLS = "carrierhost.carrier.calls";
    static final String LATENCY = "carrierhost.carrier.call.duration";
    static final String IN_FLIGHT = "carrierhost.carrier.calls.in.flight";
    static final String STATE = "carrierhost.carrier.state";
    static final String BREAKER = "carrierhost.carrier.breaker.state";
    private static final String UNKNOWN = "unknown";

    private final OwnedMeters meters;
    private final CarrierTable table;
    private final Map<CallKey, Counter> calls = new ConcurrentHashMap<>();
    private final Map<LatencyKey, Timer> latencies = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> gauges = new ConcurrentHashMap<>();

    CarrierMeters(OwnedMeters meters, CarrierTable table) {
        this.meters = meters;
        this.table = table;
    }

    /** Counts and times one call. */
    void called(CallCompleted call) {
        String carrier = table.knows(call.carrier()) ? call.carrier() : UNKNOWN;
        String outcome = call.succeeded() ? "ok" : call.error().wireName();
        calls.computeIfAbsent(new CallKey(carrier, call.operation(), outcome), key -> meters.add(Counter.builder(CALLS)
                .description("Calls into carriers, by operation and outcome (ok or the standard error code)")
                .tags("carrier", key.carrier(), "operation", key.operation().wireName(), "outcome", key.outcome())
                .register(meters.registry()))).increment();
        latencies.computeIfAbsent(new LatencyKey(carrier, call.operation()), key -> meters.add(Timer.builder(LATENCY)
                .description("How long callers waited for a carrier's answer, by operation")
                .tags("carrier", key.carrier(), "operation", key.operation().wireName())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(meters.registry()))).record(call.duration());
        if (!carrier.equals(UNKNOWN) && !gauges.containsKey(carrier)) {
            sync();
        }
    }

    /** Adds the gauges of carriers the table lists and has none yet, and takes out those of carriers gone. */
    synchronized void sync() {
        Set<String> listed = new java.util.HashSet<>();
        for (CarrierView view : table.views()) {
            listed.add(view.id());
            gauges.computeIfAbsent(view.id(), this::gaugesOf);
        }
        gauges.keySet().removeIf(id -> {
            if (listed.contains(id)) {
                return false;
            }
            gauges.get(id).forEach(meters::remove);
            return true;
        });
    }

    private List<Meter> gaugesOf(String id) {
        List<Meter> added = new ArrayList<>();
        added.add(gauge(IN_FLIGHT, id, "Calls of the carrier running now", null, view -> view.inFlight()));
        for (CarrierState state : CarrierState.LISTED) {
            String tag = state.wireName().toLowerCase(Locale.ROOT);
            added.add(gauge(STATE, id, "1 for the state the carrier is in, 0 for the others", tag,
                    view -> view.state() == state ? 1 : 0));
        }
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            String tag = state.name().toLowerCase(Locale.ROOT);
            added.add(gauge(BREAKER, id, "1 for the state the carrier's circuit breaker is in, 0 for the others", tag,
                    view -> view.breaker().state().equals(tag) ? 1 : 0));
        }
        return added;
    }

    private Meter gauge(String name, String id, String description, String state, ToDoubleFunction<CarrierView> value) {
        Gauge.Builder<CarrierTable> gauge = Gauge.builder(name, table, t -> read(t.view(id), value))
                .description(description).tag("carrier", id);
        if (state != null) {
            gauge.tag("state", state);
        }
        return meters.add(gauge.strongReference(true).register(meters.registry()));
    }

    private static double read(Optional<CarrierView> view, ToDoubleFunction<CarrierView> value) {
        return view.map(value::applyAsDouble).orElse(0.0);
    }

    private record CallKey(String carrier, CarrierOperation operation, String outcome) {
    }

    private record LatencyKey(String carrier, CarrierOperation operation) {
    }
}
