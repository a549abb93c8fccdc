package org.carrierhost.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a number can do: {@code sms}, {@code mms}, {@code voice} or {@code fax}. A search's features are all
 * required of every offer.
 *
 * <p>Thread-safe: an enum.
 */
public enum NumberFeature {
    SMS, MMS, VOICE, FAX;

    /** The name on the wire: {@code sms}, {@code mms}, {@code voice} or {@code fax}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The feature named {@code name} on the wire, or empty. */
    public static Optional<NumberFeature> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }
}
