package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.simulator.RecordedRequest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The search vocabulary through the host to the real Bandwidth plugin zip, against the Bandwidth simulator (whose
 * stock is Montclair NJ 973-370/371, Raleigh NC 919-380 and Cary NC 919-460 in one LATA, and toll-free 855 and 888):
 * each filter goes out as Bandwidth's own search parameter, and only matching numbers come back.
 */
class BandwidthSearchVocabularyTest extends BandwidthHostFixture {

    private Reply search(String query) {
        Reply reply = api().get("/api/numbers?carriers=bandwidth&" + query);
        assertEquals(200, reply.status(), reply.text());
        assertEquals(0, reply.json().path("errors").size(), reply.text());
        assertFalse(reply.json().path("numbers").isEmpty(), reply.text());
        return reply;
    }

    @Test
    void anAreaCodeIsSentAsAreaCode() {
        Reply found = search("area_code=919&quantity=5");

        found.numbers().forEach(n -> assertTrue(n.startsWith("+1919"), found.text()));
        assertEquals("919", simulator.lastRequest().param("areaCode").orElseThrow());
        assertTrue(found.json().path("carriers").path("bandwidth").path("applied").toString().contains("area_code"));
    }

    @Test
    void aCityAndStateAreSentWithoutTheLocalCallingAreaAndReturnOnlyThatCity() {
        Reply found = search("locality=Raleigh&region=NC&quantity=50");

        for (JsonNode n : found.json().path("numbers")) {
            assertEquals("RALEIGH", n.path("data").path("locality").asText(), found.text());
            assertEquals("NC", n.path("data").path("region").asText(), found.text());
        }
        assertEquals(20, found.json().path("numbers").size(), "Raleigh's 20 numbers and none of Cary's: " + found.text());
        RecordedRequest sent = simulator.lastRequest();
        assertEquals("Raleigh", sent.param("city").orElseThrow());
        assertEquals("NC", sent.param("state").orElseThrow());
        assertEquals("false", sent.param("LCA").orElseThrow());
        assertEquals("[\"locality\",\"region\"]", found.json().path("carriers").path("bandwidth").path("applied").toString());
        assertEquals(0, found.json().path("carriers").path("bandwidth").path("dropped").asInt());
    }

    @Test
    void containsAndEndsWithAreSentAsALocalVanity() {
        Reply containing = search("contains=3701&quantity=5");
        RecordedRequest containsSent = simulator.lastRequest();
        Reply ending = search("ends_with=4005&quantity=5");
        RecordedRequest endsSent = simulator.lastRequest();

        containing.numbers().forEach(n -> assertTrue(n.substring(2).contains("3701"), containing.text()));
        assertEquals(List.of("+19194604005"), ending.numbers());
        assertEquals("3701", containsSent.param("localVanity").orElseThrow());
        assertEquals("false", containsSent.param("endsIn").orElseThrow());
        assertEquals("4005", endsSent.param("localVanity").orElseThrow());
        assertEquals("true", endsSent.param("endsIn").orElseThrow());
    }

    @Test
    void aTollFreeTypeReturnsOnlyTollFreeNumbers() {
        Reply found = search("type=toll_free&quantity=50");

        found.numbers().forEach(n -> assertTrue(n.matches("\\+18(55|88)[0-9]{7}"), found.text()));
        assertEquals(30, found.json().path("numbers").size(), found.text());
        assertEquals("8**", simulator.lastRequest().param("tollFreeWildCardPattern").orElseThrow());
    }

    @Test
    void aFeatureBandwidthCannotAnswerSkipsIt() {
        Reply found = api().get("/api/numbers?carriers=bandwidth&area_code=973&features=sms");

        assertEquals(200, found.status(), found.text());
        assertEquals("bandwidth", found.json().path("skipped").get(0).path("carrier").asText(), found.text());
        assertTrue(found.json().path("skipped").get(0).path("reason").asText().contains("cannot apply features"), found.text());
        assertEquals(0, found.json().path("numbers").size());
    }

    @Test
    void itsCapabilitiesSaySo() {
        JsonNode capabilities = api().get("/api/carriers/bandwidth").json().path("capabilities");

        assertEquals("[\"CA\",\"US\"]", capabilities.path("countries").toString());
        assertEquals("none", capabilities.path("filters").path("features").asText());
        assertEquals("native", capabilities.path("filters").path("locality").asText());
    }
}
