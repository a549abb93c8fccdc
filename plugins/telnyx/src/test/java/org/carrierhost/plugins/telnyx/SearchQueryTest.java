package org.carrierhost.plugins.telnyx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.SearchOptions;
import org.junit.jupiter.api.Test;

/** How an E.164 prefix becomes Telnyx's deepObject filters, and what a returned number must be to match. */
class SearchQueryTest {

    private static final SearchOptions GB = new SearchOptions(0, "GB", "+44", null, null, 0, false);
    private static final SearchOptions TOLL_FREE = new SearchOptions(0, "US", "+1", null, null, 0, true);

    @Test
    void anAreaCodeIsTheNationalDestinationCodeAndTheRestStartsWithAfterIt() throws Exception {
        SearchQuery query = SearchQuery.of("+131255", 7, SearchOptions.defaults());

        assertEquals("filter%5Bcountry_code%5D=US&filter%5Bnational_destination_code%5D=312"
                + "&filter%5Bphone_number%5D%5Bstarts_with%5D=55&filter%5Blimit%5D=7", query.toQueryString());
    }

    @Test
    void aPrefixShorterThanAnAreaCodeIsStartsWithOverTheNationalDigits() throws Exception {
        SearchQuery query = SearchQuery.of("+13", 1, SearchOptions.defaults());

        assertEquals("", query.ndc());
        assertEquals("3", query.startsWith());
    }

    @Test
    void anotherCountrysPrefixIsNeverPaddedIntoAnAreaCode() throws Exception {
        SearchQuery query = SearchQuery.of("+4420", 2, GB);

        assertEquals("GB", query.country());
        assertEquals("", query.ndc());
        assertEquals("20", query.startsWith(), "the digits given, no zeros added");
    }

    @Test
    void tollFreeAsksForThePhoneNumberTypeAndMatchesOnlyTollFreeAreaCodes() throws Exception {
        SearchQuery query = SearchQuery.of("+1", 2, TOLL_FREE);

        assertTrue(query.toQueryString().contains("filter%5Bphone_number_type%5D=toll_free"));
        assertTrue(query.matches("+18885550100"));
        assertFalse(query.matches("+13125550100"));
    }

    @Test
    void theLimitIsCappedAtOneHundred() throws Exception {
        assertEquals(SearchQuery.MAX_LIMIT, SearchQuery.of("+1312", 5_000, SearchOptions.defaults()).limit());
    }

    @Test
    void aNumberMatchesOnlyUnderThePrefix() throws Exception {
        SearchQuery query = SearchQuery.of("+1312", 1, SearchOptions.defaults());

        assertTrue(query.matches("+13125550100"));
        assertFalse(query.matches("+14155550100"));
        assertFalse(query.matches("13125550100"));
    }

    @Test
    void aPrefixOutsideItsCountrysDialcodeIsInvalid() {
        CarrierException e = assertThrows(CarrierException.class, () -> SearchQuery.of("+4420", 1, SearchOptions.defaults()));

        assertEquals(ErrorCode.INVALID, e.code());
    }
}
