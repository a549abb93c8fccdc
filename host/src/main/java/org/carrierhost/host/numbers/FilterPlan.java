package org.carrierhost.host.numbers;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrierhost.api.CarrierCapabilities;
import org.carrierhost.api.FilterSupport;
import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberType;
import org.carrierhost.api.OfferAttribute;
import org.carrierhost.api.SearchFilter;
import org.carrierhost.api.SearchFilters;
import org.carrierhost.host.manager.FilterReport;

/**
 * How one search treats one carrier, from what the carrier declares it can answer: left out with a reason, or asked,
 * with the filters it applies, approximates and ignores, and those the host checks on each of its offers (the digit
 * patterns always; an attribute filter when the carrier's offers carry the attribute; toll-free or not from a North
 * American number itself). The area code and {@code starts_with} are applied by every carrier, folded into the
 * prefix the host asks for.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param skip    why the carrier is left out, or null when it is asked
 * @param report  what it applies, approximates and ignores (nothing dropped yet)
 * @param checked the filters the host checks on its offers
 * @param maxQuantity the most numbers to ask it for at once
 */
record FilterPlan(String skip, FilterReport report, Set<SearchFilter> checked, int maxQuantity) {

    /** The North American toll-free area codes. */
    private static final Set<String> NANP_TOLL_FREE = Set.of("800", "833", "844", "855", "866", "877", "888");
    private static final Set<SearchFilter> IN_PREFIX = EnumSet.of(SearchFilter.AREA_CODE, SearchFilter.STARTS_WITH);

    FilterPlan {
        checked = checked.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(checked));
    }

    /** The plan for a carrier with {@code capabilities}, for a search in {@code country} (calling code {@code dialcode}). */
    static FilterPlan of(CarrierCapabilities capabilities, SearchFilters filters, String country, String dialcode) {
        if (!capabilities.servesCountry(country)) {
            return skipped("serves only " + String.join(", ", new java.util.TreeSet<>(capabilities.countries())) + ", not " + country);
        }
        if (!capabilities.servesType(filters.type())) {
            return skipped("serves only " + capabilities.types().stream().map(NumberType::wireName).sorted()
                    .collect(Collectors.joining(", ")) + " numbers, not " + filters.type().wireName());
        }
        List<SearchFilter> applied = new ArrayList<>();
        List<SearchFilter> approximated = new ArrayList<>();
        List<SearchFilter> ignored = new ArrayList<>();
        EnumSet<SearchFilter> checked = EnumSet.noneOf(SearchFilter.class);
        for (SearchFilter filter : filters.requested()) {
            FilterSupport support = IN_PREFIX.contains(filter) ? FilterSupport.NATIVE : capabilities.support(filter);
            boolean checkable = checkable(filter, capabilities, filters, dialcode);
            if (checkable) {
                checked.add(filter);
            } else if (support == FilterSupport.NONE) {
                return skipped("cannot apply " + filter.wireName() + ", and its offers do not carry "
                        + filter.attribute().map(OfferAttribute::wireName).orElse(filter.wireName()) + " for the host to check");
            } else if (support == FilterSupport.APPROXIMATE && filters.exact()) {
                return skipped("applies " + filter.wireName() + " only approximately, and its offers do not carry it for the host"
                        + " to check; exact=false accepts an approximate answer");
            }
            switch (support) {
                case NATIVE -> applied.add(filter);
                case APPROXIMATE -> approximated.add(filter);
                case NONE -> ignored.add(filter);
            }
        }
        return new FilterPlan(null, new FilterReport(applied, approximated, ignored, 0), checked, capabilities.maxQuantity());
    }

    /** Whether the host can tell {@code filter} on the offers of a carrier with {@code capabilities}. */
    private static boolean checkable(SearchFilter filter, CarrierCapabilities capabilities, SearchFilters filters, String dialcode) {
        if (filter.attribute().isEmpty()) {
            return true;
        }
        if (capabilities.carries(filter.attribute().get())) {
            return true;
        }
        // A North American number tells whether it is toll-free by its area code; local and mobile look alike.
        return filter == SearchFilter.TYPE && "+1".equals(dialcode) && filters.type() != NumberType.MOBILE;
    }

    private static FilterPlan skipped(String reason) {
        return new FilterPlan(reason, new FilterReport(List.of(), List.of(), List.of(), 0), Set.of(), 1);
    }

    /** Whether the plan asks the carrier. */
    boolean asks() {
        return skip == null;
    }

    /** Whether {@code offer} holds every filter the host checks; {@code dialcode} is cut off for the digit patterns. */
    boolean keeps(NumberOffer offer, SearchFilters filters, String dialcode, CarrierCapabilities capabilities) {
        if (checked.isEmpty()) {
            return true;
        }
        String national = offer.number().startsWith(dialcode) ? offer.number().substring(dialcode.length()) : offer.number();
        NumberAttributes attributes = offer.attributes();
        if (checked.contains(SearchFilter.TYPE) && !capabilities.carries(OfferAttribute.TYPE)) {
            attributes = attributes.withType(NANP_TOLL_FREE.contains(national.substring(0, Math.min(3, national.length())))
                    ? NumberType.TOLL_FREE : NumberType.LOCAL);
        }
        for (SearchFilter filter : checked) {
            if (!filters.matches(filter, national, attributes)) {
                return false;
            }
        }
        return true;
    }
}
