package org.carrierhost.host.config;

import java.time.Duration;

/**
 * How numbers are acquired, claimed and imported ({@code acquire.*}, {@code registry.*}, {@code import.*}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param acquireTimeout {@code acquire.timeout_ms}: the deadline of one acquire or disconnect at a carrier
 * @param claimLifetime  {@code registry.claim_lifetime_ms}: when an unfinished acquire's claim may be taken over
 * @param maxImport      {@code import.max_numbers}: the most numbers one stock import may list
 */
public record NumberSettings(Duration acquireTimeout, Duration claimLifetime, int maxImport) {

    static NumberSettings from(HostConfiguration values) {
        return new NumberSettings(values.get(Settings.ACQUIRE_TIMEOUT), values.get(Settings.REGISTRY_CLAIM_LIFETIME),
                values.get(Settings.IMPORT_MAX_NUMBERS));
    }
}
