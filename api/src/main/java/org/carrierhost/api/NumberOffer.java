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
 * @param data   the carrier's data about it: JSON-like values only; the normalised {@link NumberAttributes} it knows
 *               sit under the {@link OfferAttribute} keys ({@code locality}, {@code region}, {@code rate_center}, ...)
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

    /** An offer with {@code attributes} beside the carrier's own {@code data}; the attributes win a clash of keys. */
    public static NumberOffer of(String number, NumberAttributes attributes, Map<String, Object> data) {
        Map<String, Object> all = new LinkedHashMap<>(data == null ? Map.of() : data);
        all.putAll(attributes.toData());
        return new NumberOffer(number, all);
    }

    /** The normalised attributes in its data. */
    public NumberAttributes attributes() {
        return NumberAttributes.fromData(data);
    }
}
