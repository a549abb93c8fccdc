package org.carrierhost.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The filters of a search beyond its prefix, in one normalised vocabulary (modelled on Twilio's): the digit patterns
 * apply to the national number (the number without its country's calling code); the others to an offer's
 * {@link NumberAttributes}. Every filter given must hold of every offer. The host validates them before a carrier
 * sees them; a carrier applies those it declares in {@link CarrierCapabilities#filters()}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param areaCode   the area code (NPA), digits, or null
 * @param startsWith the digits the national number starts with, or null
 * @param contains   digits the national number contains, or null
 * @param endsWith   the digits the national number ends with, or null
 * @param locality   the city, compared without regard to case, or null
 * @param region     the state or province code, compared without regard to case, or null
 * @param postalCode the postal code, or null
 * @param rateCenter the rate center, compared without regard to case, or null
 * @param type       the number type, or null for any
 * @param features   the features every offer must have; empty for any
 * @param exact      true when no best-effort (approximate, widened) result may be returned
 */
public record SearchFilters(String areaCode, String startsWith, String contains, String endsWith, String locality,
                            String region, String postalCode, String rateCenter, NumberType type,
                            Set<NumberFeature> features, boolean exact) {

    public SearchFilters {
        areaCode = blankToNull(areaCode);
        startsWith = blankToNull(startsWith);
        contains = blankToNull(contains);
        endsWith = blankToNull(endsWith);
        locality = blankToNull(locality);
        region = blankToNull(region);
        postalCode = blankToNull(postalCode);
        rateCenter = blankToNull(rateCenter);
        features = features == null || features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
    }

    /** No filter: a plain prefix search, exact. */
    public static SearchFilters none() {
        return new SearchFilters(null, null, null, null, null, null, null, null, null, Set.of(), true);
    }

    /** The filters given, in vocabulary order. */
    public Set<SearchFilter> requested() {
        EnumSet<SearchFilter> given = EnumSet.noneOf(SearchFilter.class);
        for (SearchFilter filter : SearchFilter.values()) {
            if (given(filter)) {
                given.add(filter);
            }
        }
        return given;
    }

    /** Whether no filter is given. */
    public boolean isEmpty() {
        return requested().isEmpty();
    }

    /** These filters with {@code newType} as the type. */
    public SearchFilters withType(NumberType newType) {
        return new SearchFilters(areaCode, startsWith, contains, endsWith, locality, region, postalCode, rateCenter, newType,
                features, exact);
    }

    /**
     * Whether an offer matches {@code filter}: {@code nationalNumber} is its number without the calling code, and
     * {@code attributes} what it carries. A filter not given matches; an attribute filter on an offer without that
     * attribute does not.
     */
    public boolean matches(SearchFilter filter, String nationalNumber, NumberAttributes attributes) {
        if (!given(filter)) {
            return true;
        }
        return switch (filter) {
            case AREA_CODE -> nationalNumber.startsWith(areaCode);
            case STARTS_WITH -> nationalNumber.startsWith(startsWith);
            case CONTAINS -> nationalNumber.contains(contains);
            case ENDS_WITH -> nationalNumber.endsWith(endsWith);
            case LOCALITY -> same(locality, attributes.locality());
            case REGION -> same(region, attributes.region());
            case POSTAL_CODE -> same(postalCode, attributes.postalCode());
            case RATE_CENTER -> same(rateCenter, attributes.rateCenter());
            case TYPE -> type == attributes.type();
            case FEATURES -> attributes.features().containsAll(features);
        };
    }

    /** Whether an offer matches every filter given ({@link #matches(SearchFilter, String, NumberAttributes)}). */
    public boolean matchesAll(String nationalNumber, NumberAttributes attributes) {
        return requested().stream().allMatch(f -> matches(f, nationalNumber, attributes));
    }

    private boolean given(SearchFilter filter) {
        if (filter.attribute().isPresent()) {
            return new NumberAttributes(locality, region, postalCode, rateCenter, type, features).has(filter.attribute().get());
        }
        return switch (filter) {
            case AREA_CODE -> areaCode != null;
            case STARTS_WITH -> startsWith != null;
            case CONTAINS -> contains != null;
            default -> endsWith != null;
        };
    }

    private static boolean same(String wanted, String offered) {
        return offered != null && wanted.toLowerCase(Locale.ROOT).equals(offered.strip().toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
