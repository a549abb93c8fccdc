package org.carrierhost.api;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The normalised attributes of a number, where its carrier knows them: locality (city), region (state or province
 * code), postal code, rate center, type and features. An offer carries them in its {@link NumberOffer#data()} under
 * the {@link OfferAttribute} keys, beside the carrier's own data; {@link #fromData(Map)} reads them back.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param locality   the city, or null
 * @param region     the state or province code, for example {@code CA}, or null
 * @param postalCode the postal code, or null
 * @param rateCenter the rate center, or null
 * @param type       the number's type, or null
 * @param features   what the number can do; empty when unknown
 */
public record NumberAttributes(String locality, String region, String postalCode, String rateCenter, NumberType type,
                               Set<NumberFeature> features) {

    public NumberAttributes {
        features = features == null || features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    /** No attributes known. */
    public static NumberAttributes none() {
        return new NumberAttributes(null, null, null, null, null, Set.of());
    }

    /** The attributes found under the {@link OfferAttribute} keys of {@code data}; what is missing or malformed is null. */
    public static NumberAttributes fromData(Map<String, Object> data) {
        if (data == null || data.isEmpty()) {
            return none();
        }
        EnumSet<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        if (data.get(OfferAttribute.FEATURES.wireName()) instanceof Collection<?> listed) {
            listed.forEach(f -> NumberFeature.fromWireName(String.valueOf(f).toLowerCase(Locale.ROOT)).ifPresent(features::add));
        }
        Object type = data.get(OfferAttribute.TYPE.wireName());
        return new NumberAttributes(text(data, OfferAttribute.LOCALITY), text(data, OfferAttribute.REGION),
                text(data, OfferAttribute.POSTAL_CODE), text(data, OfferAttribute.RATE_CENTER),
                type == null ? null : NumberType.fromWireName(type.toString()).orElse(null), features);
    }

    /** These attributes as data entries under the {@link OfferAttribute} keys, the unknown ones left out. */
    public Map<String, Object> toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        put(data, OfferAttribute.LOCALITY, locality);
        put(data, OfferAttribute.REGION, region);
        put(data, OfferAttribute.POSTAL_CODE, postalCode);
        put(data, OfferAttribute.RATE_CENTER, rateCenter);
        put(data, OfferAttribute.TYPE, type == null ? null : type.wireName());
        if (!features.isEmpty()) {
            data.put(OfferAttribute.FEATURES.wireName(), EnumSet.copyOf(features).stream().map(NumberFeature::wireName).toList());
        }
        return data;
    }

    /** Whether {@code attribute} is known. */
    public boolean has(OfferAttribute attribute) {
        return switch (attribute) {
            case LOCALITY -> locality != null;
            case REGION -> region != null;
            case POSTAL_CODE -> postalCode != null;
            case RATE_CENTER -> rateCenter != null;
            case TYPE -> type != null;
            case FEATURES -> !features.isEmpty();
        };
    }

    /** These attributes with {@code newType} as the type. */
    public NumberAttributes withType(NumberType newType) {
        return new NumberAttributes(locality, region, postalCode, rateCenter, newType, features);
    }

    private static String text(Map<String, Object> data, OfferAttribute attribute) {
        return Optional.ofNullable(data.get(attribute.wireName())).map(Object::toString).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse(null);
    }

    private static void put(Map<String, Object> data, OfferAttribute attribute, String value) {
        if (value != null) {
            data.put(attribute.wireName(), value);
        }
    }
}
