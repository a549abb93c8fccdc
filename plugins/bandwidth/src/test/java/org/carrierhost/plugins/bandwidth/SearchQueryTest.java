package org.carrierhost.plugins.bandwidth;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.SearchFilters;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void encodesTheTollFreeWildcard() throws Exception {
        assertEquals("tollFreeWildCardPattern=85*&quantity=2", SearchQuery.of("+1855", 2, false, 500).toQueryString());
    }

    @Test
    void aLeadingOneWithoutPlusIsStripped() throws Exception {
        assertEquals("areaCode=973&quantity=2&enableTNDetail=true", SearchQuery.of("1973", 2, false, 500).toQueryString());
    }

    @Test
    void aTollFreeSearchMaySpanEveryTollFreeNpa() throws Exception {
        assertEquals("8**", SearchQuery.of("+1", 2, true, 500).params().get("tollFreeWildCardPattern"));
    }

    @Test
    void aLocalPrefixShorterThanAnAreaCodeIsInvalid() {
        assertEquals(ErrorCode.INVALID, assertThrows(CarrierException.class,
                () -> SearchQuery.of("+19", 2, false, 500)).code());
    }

    private static SearchFilters filters(String contains, String endsWith, String locality, String region, String postalCode) {
        return new SearchFilters(null, null, contains, endsWith, locality, region, postalCode, null, null, Set.of(), true);
    }

    @Test
    void aCityAndStateAreSearchedWithinTheAreaCodeWithoutTheLocalCallingArea() throws Exception {
        assertEquals("areaCode=919&city=RALEIGH&state=NC&LCA=false&quantity=5&enableTNDetail=true",
                SearchQuery.of("+1919", 5, false, filters(null, null, "RALEIGH", "nc", null), 500).toQueryString());
    }

    @Test
    void endsWithIsALocalVanityAtTheEnd() throws Exception {
        assertEquals("localVanity=2024&endsIn=true&quantity=5&enableTNDetail=true",
                SearchQuery.of("+1", 5, false, filters(null, "2024", null, null, null), 500).toQueryString());
    }

    @Test
    void containsUnderAnAreaCodeIsFilteredToThatAreaCodeHere() throws Exception {
        SearchQuery query = SearchQuery.of("+1973", 5, false, filters("370", null, null, null, null), 500);

        assertEquals("localVanity=370&endsIn=false&quantity=500&enableTNDetail=true", query.toQueryString());
        assertTrue(query.matches("+19733701000"));
        assertFalse(query.matches("+19193703000"));
    }

    @Test
    void aPostalCodeIsAZip() throws Exception {
        assertEquals("07042", SearchQuery.of("+1", 5, false, filters(null, null, null, null, "07042"), 500).params().get("zip"));
    }

    @Test
    void aTollFreePatternIsATollFreeVanity() throws Exception {
        assertEquals("tollFreeVanity=4000&quantity=5", SearchQuery.of("+1", 5, true, filters("4000", null, null, null, null), 500)
                .toQueryString());
    }

    @Test
    void aCityWithoutItsStateIsInvalid() {
        assertEquals(ErrorCode.INVALID, assertThrows(CarrierException.class,
                () -> SearchQuery.of("+1919", 5, false, filters(null, null, "RALEIGH", null, null), 500)).code());
    }
}
