package org.carrierhost.api;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a carrier's search can answer ({@link CarrierExtension#capabilities()}): the countries and number types it
 * serves, how it applies each {@link SearchFilter}, which {@link OfferAttribute}s its offers carry and its largest
 * quantity. The host asks a carrier only for what it can answer, re-checks its offers where it can, and says per
 * carrier which filters were applied, approximated or ignored.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param countries   the ISO 3166 countries it serves; empty for any
 * @param types       the number types it serves; empty for any
 * @param filters     how it applies each filter; a filter not listed is {@link FilterSupport#NONE}
 * @param attributes  the attributes its offers carry
 * @param maxQuantity the most numbers one search of it returns, at least 1
 */
public record CarrierCapabilities(Set<String> countries, Set<NumberType> types, Map<SearchFilter, FilterSupport> filters,
                                  Set<OfferAttribute> attributes, int maxQuantity) {

    /** The largest quantity of a carrier that does not say: the host's own limit. */
    public static final int DEFAULT_MAX_QUANTITY = 500;

    public CarrierCapabilities {
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        types = types == null || types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        EnumMap<SearchFilter, FilterSupport> copy = new EnumMap<>(SearchFilter.class);
        if (filters != null) {
            filters.forEach((filter, support) -> {
                if (support != null && support != FilterSupport.NONE) {
                    copy.put(filter, support);
                }
            });
        }
        filters = Map.copyOf(copy);
        attributes = attributes == null || attributes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(attributes));
        if (maxQuantity < 1) {
            throw new IllegalArgumentException("max quantity must be at least 1: " + maxQuantity);
        }
    }

    /**
     * Today's search, what a carrier that does not override {@link CarrierExtension#capabilities()} answers: an E.164
     * prefix in any country and type, no other filter applied, no attribute promised, up to the host's limit.
     */
    public static CarrierCapabilities prefixOnly() {
        return new CarrierCapabilities(Set.of(), Set.of(), Map.of(), Set.of(), DEFAULT_MAX_QUANTITY);
    }

    /** How it applies {@code filter}. */
    public FilterSupport support(SearchFilter filter) {
        return filters.getOrDefault(filter, FilterSupport.NONE);
    }

    /** Whether its offers carry {@code attribute}. */
    public boolean carries(OfferAttribute attribute) {
        return attributes.contains(attribute);
    }

    /** Whether it serves {@code country} (an ISO code). */
    public boolean servesCountry(String country) {
        return countries.isEmpty() || countries.contains(country);
    }

    /** Whether it serves numbers of {@code type}; any type when {@code type} is null. */
    public boolean servesType(NumberType type) {
        return type == null || types.isEmpty() || types.contains(type);
    }
}
