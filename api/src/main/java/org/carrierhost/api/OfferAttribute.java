package org.carrierhost.api;

import java.util.Locale;

/**
 * A normalised attribute an offer may carry beside the carrier's own data ({@link NumberAttributes}), under the
 * same key in {@link NumberOffer#data()}. A carrier declares which its offers carry
 * ({@link CarrierCapabilities#attributes()}), so the host can check a filter on them.
 *
 * <p>Thread-safe: an enum.
 */
public enum OfferAttribute {
    LOCALITY, REGION, POSTAL_CODE, RATE_CENTER, TYPE, FEATURES;

    /** The name on the wire and the key in an offer's data: {@code locality}, {@code rate_center}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
