package org.carrierhost.plugins.faulty;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrierhost.api.CarrierCapabilities;
import org.carrierhost.api.FilterSupport;
import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberFeature;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.OfferAttribute;
import org.carrierhost.api.SearchFilter;
import org.carrierhost.api.SearchFilters;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;

/**
 * A carrier that claims to apply {@code contains}, {@code ends_with}, {@code locality}, {@code region} and
 * {@code features} natively, and whose offers carry locality, region and features, but every second offer it returns
 * breaks them all: the host must drop and count those.
 *
 * <p>Thread-safe: stateless.
 */
public class FilterBreakingCarrier extends QuietCarrier {

    @Override
    public CarrierCapabilities capabilities() {
        Map<SearchFilter, FilterSupport> filters = new EnumMap<>(SearchFilter.class);
        for (SearchFilter filter : List.of(SearchFilter.CONTAINS, SearchFilter.ENDS_WITH, SearchFilter.LOCALITY,
                SearchFilter.REGION, SearchFilter.FEATURES)) {
            filters.put(filter, FilterSupport.NATIVE);
        }
        return new CarrierCapabilities(Set.of("US"), Set.of(), filters,
                EnumSet.of(OfferAttribute.LOCALITY, OfferAttribute.REGION, OfferAttribute.FEATURES), 500);
    }

    /** {@code quantity} offers under a North American prefix; the even ones match the filters, the odd ones do not. */
    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) {
        SearchFilters filters = options.filters();
        String tail = filters.endsWith() != null ? filters.endsWith() : filters.contains() != null ? filters.contains() : "";
        List<NumberOffer> offers = new ArrayList<>();
        for (int i = 0; i < quantity; i++) {
            boolean good = i % 2 == 0;
            String national = padded(e164Prefix.substring(2), i, good ? tail : "");
            if (!good && !tail.isEmpty() && national.contains(tail)) {
                national = national.substring(0, national.length() - 1) + (char) ('0' + (national.charAt(9) - '0' + 1) % 10);
            }
            NumberAttributes attributes = good
                    ? new NumberAttributes(filters.locality(), filters.region(), null, null, null, withVoice(filters.features()))
                    : new NumberAttributes("Nowhere", "ZZ", null, null, null, EnumSet.of(NumberFeature.FAX));
            offers.add(NumberOffer.of("+1" + national, attributes, Map.of("good", good)));
        }
        return SearchResult.offers(offers);
    }

    /** Ten digits: {@code head}, then {@code i} zero-padded, then {@code tail}. */
    private static String padded(String head, int i, String tail) {
        String counter = Integer.toString(i);
        int middle = Math.max(0, 10 - head.length() - tail.length());
        String filler = "0".repeat(Math.max(0, middle - counter.length())) + counter;
        return (head + filler.substring(Math.max(0, filler.length() - middle)) + tail).substring(0, 10);
    }

    private static Set<NumberFeature> withVoice(Set<NumberFeature> features) {
        EnumSet<NumberFeature> all = EnumSet.of(NumberFeature.VOICE);
        all.addAll(features);
        return all;
    }
}
