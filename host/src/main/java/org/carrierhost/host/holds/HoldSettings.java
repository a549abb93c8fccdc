package org.carrierhost.host.holds;

import java.time.Duration;

/**
 * How holds behave.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param maxTtl      {@code numbers.hold_max_ttl_s}: the longest hold; longer asks are cut to it
 * @param margin      {@code numbers.hold_margin_s}: how long before a carrier's own expiry a carrier-held number's hold ends
 * @param lease       {@code numbers.hold_lease_ms}: how long a host may take to end a hold before another may take over
 * @param callTimeout the deadline of one reservation or release at a carrier ({@code acquire.timeout_ms})
 * @param searchTrust how long a search trusts the holders it read of a number ({@code search.state_ttl_ms})
 */
public record HoldSettings(Duration maxTtl, Duration margin, Duration lease, Duration callTimeout, Duration searchTrust) {
}
