package org.carrierhost.host.plugins;

import java.time.Duration;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierException;

/**
 * How one carrier's circuit breaker and bulkhead behave, from its {@code carrier.<id>.breaker.*} and
 * {@code carrier.<id>.bulkhead.*} keys. The defaults suit a search deadline of a few seconds: five calls
 * are enough to judge, half of the last ten failing or missing their deadline opens the circuit, and it
 * probes again after ten seconds.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param failureRatePercent {@code breaker.failure_rate}: the share of failed calls, in percent, that opens it
 * @param window             {@code breaker.window}: how many of the latest calls are judged
 * @param minimumCalls       {@code breaker.minimum_calls}: how many calls it needs before it judges
 * @param openFor            {@code breaker.open_ms}: how long it stays open before it half-opens to probe
 * @param probes             {@code breaker.half_open_calls}: the probe calls let through while half-open
 * @param maxConcurrent      {@code bulkhead.max_calls}: the most calls of this carrier running at once
 */
public record BreakerSettings(int failureRatePercent, int window, int minimumCalls, Duration openFor, int probes,
                              int maxConcurrent) {

    /** The defaults. */
    public static final BreakerSettings DEFAULTS = new BreakerSettings(50, 10, 5, Duration.ofSeconds(10), 2, 32);

    /**
     * The settings in {@code config}, over the defaults.
     *
     * @throws IllegalArgumentException naming the key whose value is wrong
     */
    public static BreakerSettings from(CarrierConfig config) {
        return new BreakerSettings(
                (int) whole(config, "breaker.failure_rate", DEFAULTS.failureRatePercent, 1, 100),
                (int) whole(config, "breaker.window", DEFAULTS.window, 1, 10_000),
                (int) whole(config, "breaker.minimum_calls", DEFAULTS.minimumCalls, 1, 10_000),
                Duration.ofMillis(whole(config, "breaker.open_ms", DEFAULTS.openFor.toMillis(), 1, 86_400_000)),
                (int) whole(config, "breaker.half_open_calls", DEFAULTS.probes, 1, 1000),
                (int) whole(config, "bulkhead.max_calls", DEFAULTS.maxConcurrent, 1, 10_000));
    }

    private static long whole(CarrierConfig config, String key, long fallback, long min, long max) {
        long value;
        try {
            value = config.getLong(key, fallback);
        } catch (CarrierException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}
