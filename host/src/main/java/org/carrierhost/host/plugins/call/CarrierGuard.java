package org.carrierhost.host.plugins.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.events.CircuitEvent;

/**
 * What stands in front of one carrier's number calls, across all its versions: a circuit breaker that
 * opens after repeated failures or missed deadlines, a bulkhead that bounds its calls running at once
 * (and so the threads a carrier that hangs can hold), and the count of calls that outlived their
 * deadline and still run.
 *
 * <p>Thread-safe: Resilience4j's breaker and bulkhead are, and the counters are atomic.
 */
public final class CarrierGuard {

    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final BreakerSettings settings;
    private final AtomicInteger lingering = new AtomicInteger();
    private volatile Instant openedAt = Instant.EPOCH;

    public CarrierGuard(String carrierId, BreakerSettings settings, Consumer<CircuitEvent> onChange) {
        this.settings = settings;
        this.breaker = CircuitBreaker.of(carrierId, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(Math.min(settings.minimumCalls(), settings.window()))
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.probes())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(CarrierGuard::countsAgainst)
                .build());
        this.bulkhead = Bulkhead.of(carrierId, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrent())
                .maxWaitDuration(Duration.ZERO)
                .build());
        breaker.getEventPublisher().onStateTransition(e -> {
            String to = e.getStateTransition().getToState().name();
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = Instant.now();
            }
            CircuitBreaker.Metrics m = breaker.getMetrics();
            onChange.accept(new CircuitEvent(Instant.now(), carrierId, wire(e.getStateTransition().getFromState().name()),
                    wire(to), String.format(Locale.ROOT, "failure rate %.0f%% over %d calls", Math.max(0, m.getFailureRate()),
                            m.getNumberOfBufferedCalls())));
        });
    }

    /**
     * Whether a failure says the carrier is unwell (it missed a deadline or broke), rather than that it
     * answered no: a refused order or an unconfigured carrier answers at once and costs nothing.
     */
    static boolean countsAgainst(Throwable failure) {
        if (failure instanceof RenderedFailure rendered) {
            return rendered.countsAgainst();
        }
        return failure instanceof TimeoutException || failure instanceof PluginFault
                || failure instanceof CarrierException e && e.code() == ErrorCode.TIMEOUT;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    Bulkhead bulkhead() {
        return bulkhead;
    }

    AtomicInteger lingering() {
        return lingering;
    }

    /** Whole seconds until an open circuit lets a probe through; 0 when it may probe now. */
    long retryInSeconds() {
        long left = settings.openFor().toMillis() - Duration.between(openedAt, Instant.now()).toMillis();
        return Math.max(0, (left + 999) / 1000);
    }

    /** Its state and figures now. */
    public BreakerView view() {
        CircuitBreaker.Metrics m = breaker.getMetrics();
        CircuitBreaker.State state = breaker.getState();
        return new BreakerView(wire(state.name()), Math.max(0, m.getFailureRate()), m.getNumberOfBufferedCalls(),
                m.getNumberOfFailedCalls(), m.getNumberOfNotPermittedCalls(),
                state == CircuitBreaker.State.OPEN ? retryInSeconds() : 0,
                settings.maxConcurrent() - bulkhead.getMetrics().getAvailableConcurrentCalls(), settings.maxConcurrent(),
                lingering.get());
    }

    private static String wire(String state) {
        return state.toLowerCase(Locale.ROOT);
    }
}
