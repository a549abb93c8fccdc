package org.carrierhost.host.plugins.call;

import java.time.Duration;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.host.config.Setting;
import org.carrierhost.host.config.Settings;

/**
 * How one carrier's circuit breaker and bulkhead behave, from its {@code carrier.<id>.breaker.*} and
 * {@code carrier.<id>.bulkhead.*} keys, whose types, bounds and defaults are {@link Settings}'s. The
 * defaults suit a search deadline of a few seconds: five calls are enough to judge, half of the last ten
 * failing or missing their deadline opens the circuit, and it probes again after ten seconds.
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
    public static final BreakerSettings DEFAULTS = from("default", CarrierConfig.empty());

    /**
     * The settings in carrier {@code id}'s section {@code config}, over the defaults.
     *
     * @throws org.carrierhost.host.config.InvalidSettingException naming the key whose value is wrong
     */
    public static BreakerSettings from(String id, CarrierConfig config) {
        return new BreakerSettings(read(id, config, Settings.BREAKER_FAILURE_RATE), read(id, config, Settings.BREAKER_WINDOW),
                read(id, config, Settings.BREAKER_MINIMUM_CALLS), read(id, config, Settings.BREAKER_OPEN),
                read(id, config, Settings.BREAKER_HALF_OPEN_CALLS), read(id, config, Settings.BULKHEAD_MAX_CALLS));
    }

    private static <T> T read(String id, CarrierConfig config, Setting<T> setting) {
        return setting.inSection(id, config);
    }
}
