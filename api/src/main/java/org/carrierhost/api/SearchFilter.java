package org.carrierhost.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One filter of the search vocabulary, named as on {@code GET /api/numbers}. The digit patterns
 * ({@link #AREA_CODE}, {@link #STARTS_WITH}, {@link #CONTAINS}, {@link #ENDS_WITH}) apply to the national number and can
 * always be checked on an offer's number; the others can be checked only on an offer that carries their
 * {@link #attribute()}.
 *
 * <p>Thread-safe: an enum.
 */
public enum SearchFilter {
    AREA_CODE(null), STARTS_WITH(null), CONTAINS(null), ENDS_WITH(null),
    LOCALITY(OfferAttribute.LOCALITY), REGION(OfferAttribute.REGION), POSTAL_CODE(OfferAttribute.POSTAL_CODE),
    RATE_CENTER(OfferAttribute.RATE_CENTER), TYPE(OfferAttribute.TYPE), FEATURES(OfferAttribute.FEATURES);

    private final OfferAttribute attribute;

    SearchFilter(OfferAttribute attribute) {
        this.attribute = attribute;
    }

    /** The name on the wire, which is its query parameter: {@code area_code}, {@code ends_with}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The filter named {@code name} on the wire, or empty. */
    public static Optional<SearchFilter> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(name)).findFirst();
    }

    /** The offer attribute it is checked on, or empty for a digit pattern, which is checked on the number itself. */
    public Optional<OfferAttribute> attribute() {
        return Optional.ofNullable(attribute);
    }
}
