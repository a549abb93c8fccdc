package org.carrierhost.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A number held at its carrier for a while, so nobody else can order it: Telnyx's number reservation,
 * Bandwidth's {@code tnreservation}. What {@link CarrierExtension#reserveNumber} returns and
 * {@link CarrierExtension#releaseReservation} takes back.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param number    the number in E.164
 * @param reference the carrier's id of the reservation, needed to release it
 * @param expiresAt when the carrier itself lets the reservation go, by the carrier's own figure
 */
public record NumberReservation(String number, String reference, Instant expiresAt) {

    public NumberReservation {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
