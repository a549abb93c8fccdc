package org.carrierhost.plugins.mock;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberFeature;
import org.carrierhost.api.NumberType;
import org.carrierhost.api.SearchFilter;
import org.carrierhost.api.SearchFilters;

/**
 * The mock carrier's made-up geography, so every filter of the vocabulary can be tried without a real carrier: a few
 * North American area codes with a city, state and postal code, two toll-free ones, and features that follow the
 * number (voice always; sms and mms on an even last digit; fax on toll-free numbers). Every number's rate center is
 * {@code MOCKVILLE}.
 *
 * <p>Thread-safe: immutable constants only.
 */
final class MockPlaces {

    static final String RATE_CENTER = "MOCKVILLE";

    /** Area code to city, state and postal code. */
    private static final Map<String, List<String>> PLACES = Map.of(
            "415", List.of("San Francisco", "CA", "94105"),
            "212", List.of("New York", "NY", "10001"),
            "312", List.of("Chicago", "IL", "60601"),
            "973", List.of("Newark", "NJ", "07102"));
    private static final List<String> TOLL_FREE = List.of("800", "888");
    /** The filters an area code decides. */
    private static final List<SearchFilter> PLACE_FILTERS = List.of(SearchFilter.LOCALITY, SearchFilter.REGION,
            SearchFilter.POSTAL_CODE, SearchFilter.TYPE);

    private MockPlaces() {
    }

    /** What the mock says of {@code national}, a number of the country with calling code {@code dialcode}. */
    static NumberAttributes attributes(String national, String dialcode) {
        boolean even = (national.charAt(national.length() - 1) - '0') % 2 == 0;
        EnumSet<NumberFeature> features = EnumSet.of(NumberFeature.VOICE);
        if (even) {
            features.add(NumberFeature.SMS);
            features.add(NumberFeature.MMS);
        }
        if (!"+1".equals(dialcode) || national.length() < 3) {
            return new NumberAttributes(null, null, null, RATE_CENTER, NumberType.LOCAL, features);
        }
        String npa = national.substring(0, 3);
        if (TOLL_FREE.contains(npa)) {
            features.add(NumberFeature.FAX);
            return new NumberAttributes(null, null, null, RATE_CENTER, NumberType.TOLL_FREE, features);
        }
        List<String> place = PLACES.get(npa);
        return place == null ? new NumberAttributes(null, null, null, RATE_CENTER, NumberType.LOCAL, features)
                : new NumberAttributes(place.get(0), place.get(1), place.get(2), RATE_CENTER, NumberType.LOCAL, features);
    }

    /**
     * The prefixes whose numbers may match {@code filters} under {@code prefix}: the area codes of the place or type
     * asked for that agree with the prefix, or the prefix itself when neither is asked.
     */
    static List<String> prefixes(String prefix, String dialcode, SearchFilters filters) {
        Set<SearchFilter> asked = filters.requested();
        boolean place = asked.contains(SearchFilter.LOCALITY) || asked.contains(SearchFilter.REGION)
                || asked.contains(SearchFilter.POSTAL_CODE);
        if (!"+1".equals(dialcode) || (!place && filters.type() != NumberType.TOLL_FREE)) {
            return List.of(prefix);
        }
        List<String> npas = new ArrayList<>(filters.type() == NumberType.TOLL_FREE ? TOLL_FREE : PLACES.keySet());
        npas.sort(null);
        List<String> prefixes = new ArrayList<>();
        for (String npa : npas) {
            NumberAttributes known = attributes(npa + "0000000", dialcode);
            if (!PLACE_FILTERS.stream().allMatch(f -> filters.matches(f, npa + "0000000", known))) {
                continue;
            }
            String under = dialcode + npa;
            if (under.startsWith(prefix)) {
                prefixes.add(under);
            } else if (prefix.startsWith(under)) {
                prefixes.add(prefix);
            }
        }
        return prefixes;
    }
}
