package org.carrierhost.plugins.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
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
}
