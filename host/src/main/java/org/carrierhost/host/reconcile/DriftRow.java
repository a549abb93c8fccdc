package org.carrierhost.host.reconcile;

import java.time.Instant;

import org.carrierhost.api.NumberState;

/**
 * One number on which the carrier and the registry disagree.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param number     E.164
 * @param kind       how they disagree
 * @param here       its state in the registry, or null when the registry does not have it
 * @param atCarrier  its state as the carrier says, or null when the carrier does not list it (or does not say)
 * @param resolution how it was repaired, or null while it is open
 * @param resolvedBy who repaired it
 * @param resolvedAt when
 */
public record DriftRow(String number, Drift kind, NumberState here, NumberState atCarrier, Repair resolution, String resolvedBy,
                       Instant resolvedAt) {
}
