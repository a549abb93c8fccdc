package org.carrierhost.host.events;

import java.util.Locale;

/**
 * The number callbacks of a carrier that the host calls and measures.
 *
 * <p>Thread-safe: an enum.
 */
public enum CarrierOperation {
    /** {@code find_numbers}. */
    FIND,
    /** {@code acquire_number}. */
    ACQUIRE,
    /** {@code disconnect_number}. */
    DISCONNECT,
    /** A search for one number, to find which carrier offers it. */
    CHECK,
    /** A hold of a number at the carrier ({@code reserveNumber}). */
    RESERVE,
    /** The release of a hold at the carrier ({@code releaseReservation}). */
    RELEASE,
    /** A page of the numbers the carrier says the account holds ({@code inventory}). */
    INVENTORY,
    /** A self-test of a version ({@code selfTest}). */
    SELFTEST;

    /** The name metrics and the API use. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
