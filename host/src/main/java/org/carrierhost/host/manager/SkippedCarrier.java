package org.carrierhost.host.manager;

/**
 * A carrier a search left out because it cannot answer it: it does not serve the country or type, or cannot apply
 * a filter the host cannot check on its offers. Not an error.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param carrier the carrier
 * @param reason  why it was not asked
 */
public record SkippedCarrier(String carrier, String reason) {
}
