package org.carrierhost.host.config;

import java.time.Duration;

/**
 * How numbers are acquired, claimed, imported, aged and held ({@code acquire.*}, {@code registry.*},
 * {@code import.*}, {@code numbers.*}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param acquireTimeout {@code acquire.timeout_ms}: the deadline of one acquire or disconnect at a carrier
 * @param claimLifetime  {@code registry.claim_lifetime_ms}: when an unfinished acquire's claim may be taken over
 * @param maxImport      {@code import.max_numbers}: the most numbers one stock import may list
 * @param agingFor       {@code numbers.aging_ms}: how long a disconnected number waits in aging; zero is off
 * @param reaperInterval {@code numbers.reaper_ms}: how often each host ends aging that is over and expired holds
 * @param holdMaxTtl     {@code numbers.hold_max_ttl_s}: the longest hold
 * @param holdMargin     {@code numbers.hold_margin_s}: how long before the carrier's own expiry a carrier-held number's hold ends
 * @param holdLease      {@code numbers.hold_lease_ms}: how long a reaper's lease on an expired hold runs
 */
public record NumberSettings(Duration acquireTimeout, Duration claimLifetime, int maxImport, Duration agingFor,
                             Duration reaperInterval, Duration holdMaxTtl, Duration holdMargin, Duration holdLease) {

    static NumberSettings from(HostConfiguration values) {
        return new NumberSettings(values.get(Settings.ACQUIRE_TIMEOUT), values.get(Settings.REGISTRY_CLAIM_LIFETIME),
                values.get(Settings.IMPORT_MAX_NUMBERS), Duration.ofMillis(values.get(Settings.NUMBERS_AGING_MS)),
                values.get(Settings.NUMBERS_REAPER), Duration.ofSeconds(values.get(Settings.NUMBERS_HOLD_MAX_TTL)),
                Duration.ofSeconds(values.get(Settings.NUMBERS_HOLD_MARGIN)), values.get(Settings.NUMBERS_HOLD_LEASE));
    }
}
