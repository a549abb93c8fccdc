package org.carrierhost.host.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.host.plugins.BreakerView;
import org.carrierhost.host.plugins.CarrierView;
import org.carrierhost.host.plugins.PluginFailure;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A carrier as the API answers it ({@code components/schemas/Carrier} of the OpenAPI document); with its
 * settings, secrets masked, in {@code config} when one carrier is asked for ({@code CarrierDetail}).
 *
 * <p>Thread-safe: an immutable value (the config map is copied, in its order).
 *
 * @param id          the carrier id
 * @param version     its version, or null when it never loaded
 * @param state       PF4J's state name
 * @param enabled     whether it is enabled
 * @param local       whether it keeps its stock in the host's registry
 * @param cnam        whether it offers caller-name lookups
 * @param description its description, or null
 * @param provider    its provider, or null
 * @param file        its zip's file name, or null
 * @param error       its latest failure, or null
 * @param stats       its call figures
 * @param breaker     its circuit breaker and bulkhead
 * @param config      its masked settings; left out of the answer when null
 */
record CarrierAnswer(String id, String version, String state, boolean enabled, boolean local, boolean cnam,
                     String description, String provider, String file, Failure error, Stats stats, Breaker breaker,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> config) {

    CarrierAnswer {
        config = config == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** {@code view} as answered, without its settings. */
    static CarrierAnswer of(CarrierView view) {
        var facts = view.facts();
        BreakerView b = view.breaker();
        return new CarrierAnswer(view.id(), facts == null ? null : facts.version(), view.state(), view.enabled(),
                facts != null && facts.local(), facts != null && facts.cnam(),
                facts == null ? null : facts.description(), facts == null ? null : facts.provider(),
                view.file() == null ? null : view.file().getFileName().toString(), Failure.of(view.error()),
                new Stats(view.stats().calls(), view.stats().errors(), view.inFlight(),
                        new Latency(round(view.stats().meanMs()), round(view.stats().maxMs()), round(view.stats().lastMs())),
                        b.lingering()),
                new Breaker(b.state(), round(b.failureRate()), b.calls(), b.failedCalls(), b.rejectedCalls(),
                        b.retryInSeconds(), b.running(), b.maxConcurrent(), b.lingering()),
                null);
    }

    /** This answer with the carrier's masked settings. */
    CarrierAnswer withConfig(Map<String, String> masked) {
        return new CarrierAnswer(id, version, state, enabled, local, cnam, description, provider, file, error, stats,
                breaker, masked);
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }

    /**
     * A carrier's latest failure.
     *
     * @param message what failed
     * @param cause   why, or null
     * @param time    when, ISO-8601
     */
    record Failure(String message, String cause, String time) {

        static Failure of(PluginFailure failure) {
            return failure == null ? null : new Failure(failure.message(), failure.cause(), failure.time().toString());
        }
    }

    /**
     * A carrier's call figures.
     *
     * @param calls     calls made
     * @param errors    of those, failed
     * @param inFlight  running now on its serving version
     * @param latency   latency figures
     * @param lingering calls that outlived their deadline and still run
     */
    record Stats(long calls, long errors, int inFlight, Latency latency, int lingering) {
    }

    /**
     * Latency in milliseconds, to two decimals.
     *
     * @param meanMs mean
     * @param maxMs  largest
     * @param lastMs latest
     */
    record Latency(double meanMs, double maxMs, double lastMs) {
    }

    /**
     * The circuit breaker and bulkhead.
     *
     * @param state         {@code closed}, {@code open} or {@code half_open}
     * @param failureRate   percent of judged calls that failed, to two decimals
     * @param calls         calls judged
     * @param failedCalls   of those, failed
     * @param rejectedCalls answered at once while open
     * @param retryInS      while open, seconds until a probe
     * @param running       calls running now
     * @param maxConcurrent the bulkhead's bound
     * @param lingering     calls past their deadline still running
     */
    record Breaker(String state, double failureRate, int calls, int failedCalls, long rejectedCalls, long retryInS,
                   int running, int maxConcurrent, int lingering) {
    }
}
