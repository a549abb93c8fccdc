package org.carrierhost.plugins.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;

class BandwidthSearchTest extends SimulatedBandwidth {

    private List<NumberOffer> search(String prefix, int quantity) throws CarrierException {
        return carrier().findNumbers(prefix, quantity, SearchOptions.defaults()).toOffers();
    }

    private static List<String> numbers(List<NumberOffer> offers) {
        return offers.stream().map(NumberOffer::number).toList();
    }

    @Test
    void areaCodeSearchSendsAreaCodeQuantityAndBasicAuthAndReturnsRateCenterData() throws Exception {
        List<NumberOffer> offers = search("+1973", 2);

        RecordedRequest sent = simulator.lastRequest();
        assertEquals("GET", sent.method());
        assertEquals("/api/accounts/9900000/availableNumbers", sent.path());
        assertEquals("973", sent.param("areaCode").orElseThrow());
        assertEquals("2", sent.param("quantity").orElseThrow());
        assertEquals("true", sent.param("enableTNDetail").orElseThrow());
        assertEquals("carrier:secret", decodeBasic(sent.header("Authorization").orElseThrow()));
        assertEquals("application/xml", sent.header("Accept").orElseThrow());
        assertEquals(List.of("+19733701000", "+19733701001"), numbers(offers));
        assertEquals(Map.of("city", "MONTCLAIR", "rate_center", "MONTCLAIR", "lata", "224", "state", "NJ",
                "locality", "MONTCLAIR", "region", "NJ", "type", "local"), offers.get(0).data());
    }

    @Test
    void sixDigitPrefixSendsNpaNxx() throws Exception {
        List<NumberOffer> offers = search("+1973371", 3);

        assertEquals("973371", simulator.lastRequest().param("npaNxx").orElseThrow());
        assertEquals(3, offers.size());
        assertTrue(numbers(offers).stream().allMatch(n -> n.startsWith("+1973371")), offers.toString());
    }

    @Test
    void sevenDigitPrefixSendsNpaNxxxAndFiltersToTheWholePrefix() throws Exception {
        List<NumberOffer> offers = search("+197337010", 5);

        assertEquals("9733701", simulator.lastRequest().param("npaNxxx").orElseThrow());
        assertEquals(List.of("+19733701000", "+19733701001", "+19733701002", "+19733701003", "+19733701004"),
                numbers(offers));
    }

    @Test
    void tollFreePrefixSendsTwoDigitWildcardAndReturnsOnlyThatNpa() throws Exception {
        List<NumberOffer> offers = search("+1855", 50);

        RecordedRequest sent = simulator.lastRequest();
        assertEquals("85*", sent.param("tollFreeWildCardPattern").orElseThrow());
        assertFalse(sent.params().containsKey("enableTNDetail"));
        assertEquals(20, offers.size());
        assertTrue(numbers(offers).stream().allMatch(n -> n.startsWith("+1855")), offers.toString());
    }

    @Test
    void longerTollFreePrefixIsFilteredToTheWholePrefix() throws Exception {
        List<NumberOffer> offers = search("+18553", 50);

        assertEquals("85*", simulator.lastRequest().param("tollFreeWildCardPattern").orElseThrow());
        assertEquals(10, offers.size());
        assertTrue(numbers(offers).stream().allMatch(n -> n.startsWith("+18553")), offers.toString());
    }

    @Test
    void fourDigitPrefixSearchesTheAreaCodeAndFiltersToThePrefix() throws Exception {
        List<NumberOffer> offers = search("+19194", 50);

        assertEquals("919", simulator.lastRequest().param("areaCode").orElseThrow());
        assertEquals(10, offers.size());
        assertTrue(numbers(offers).stream().allMatch(n -> n.startsWith("+19194")), offers.toString());
        assertEquals("CARY", offers.get(0).data().get("rate_center"));
    }

    @Test
    void emptySearchResultIsZeroOffersNotAnError() throws Exception {
        assertEquals(List.of(), search("+1212", 5));
    }

    @Test
    void quantityAboveMaxSearchQuantityIsCapped() throws Exception {
        Map<String, String> config = config();
        config.put("max_search_quantity", "4");

        List<NumberOffer> offers = carrier(config).findNumbers("+1919", 50, SearchOptions.defaults()).toOffers();

        assertEquals("4", simulator.lastRequest().param("quantity").orElseThrow());
        assertEquals(4, offers.size());
    }

    @Test
    void offsetSkipsResultsLocallyAndNeverReturnsMoreThanTheQuantity() throws Exception {
        List<NumberOffer> offers = carrier().findNumbers("+1973", 2, SearchOptions.defaults().withOffset(3)).toOffers();

        assertEquals("5", simulator.lastRequest().param("quantity").orElseThrow());
        assertEquals(List.of("+19733701003", "+19733701004"), numbers(offers));
    }

    @Test
    void nonNanpPrefixIsInvalidWithoutCallingTheCarrier() {
        CarrierException e = assertThrows(CarrierException.class, () -> search("+4420", 2));

        assertEquals(ErrorCode.INVALID, e.code());
        assertEquals("bandwidth serves only +1 numbers", e.getMessage());
        assertTrue(simulator.requests().isEmpty());
    }
}
