package org.carrierhost.host.holds;

import java.time.Instant;

/**
 * One number of a hold.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param number           E.164
 * @param carrier          the carrier that offers it
 * @param kind             held at the carrier, or soft
 * @param expiresAt        when its hold ends: the earlier of the asked TTL and the carrier's own expiry less the margin
 * @param carrierExpiresAt the carrier's own expiry of its reservation; null for a soft hold
 * @param reference        the carrier's reservation id; null for a soft hold
 * @param done             released at its carrier, consumed by an acquire, or (soft) nothing left to release
 */
public record HeldNumber(String number, String carrier, HoldKind kind, Instant expiresAt, Instant carrierExpiresAt,
                         String reference, boolean done) {
}
