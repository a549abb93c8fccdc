package org.carrierhost.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One number a carrier's search found.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param number the number in E.164
 * @param data   the carrier's data about it (rate center, city, ...): JSON-like values only
 */
public record NumberOffer(String number, Map<String, Object> data) {

    public NumberOffer {
        Objects.requireNonNull(number, "number");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** An offer with no carrier data. */
    public static NumberOffer of(String number) {
        return new NumberOffer(number, Map.of());
    }
}
