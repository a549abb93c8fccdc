package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A carrier's {@code max_quantity} through the host over HTTP: the real mock zip through PF4J, set to give at most 4
 * numbers a call and to fail any search that asks for more (as a real carrier does), so a search that answers without
 * errors shows the host never asked it for more.
 */
class MaxQuantityApiTest {

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.withCarriers("mock").withHttp().setting("carrier.mock.max_quantity", "4");

    private Reply search(String query) {
        Reply reply = ApiClient.of(carriers.host()).get("/api/numbers?" + query);
        assertEquals(200, reply.status(), reply.text());
        assertEquals(0, reply.json().path("errors").size(), "the mock was never asked for more than 4: " + reply.text());
        return reply;
    }

    @Test
    void theMockDeclaresTheMaxQuantityItIsSetTo() {
        JsonNode mock = ApiClient.of(carriers.host()).get("/api/carriers/mock").json();

        assertEquals(4, mock.path("capabilities").path("max_quantity").asInt(), mock.toString());
    }

    @Test
    void aSearchForMoreThanTheMaxQuantityAsksForItOnlyAndSaysItIsCapped() {
        Reply found = search("prefix=415&quantity=10&carriers=mock");

        assertEquals(List.of("+14159000000", "+14159000001", "+14159000002", "+14159000003"), found.numbers());
        assertEquals(4, found.json().path("carriers").path("mock").path("capped_at").asInt(), found.text());
    }

    @Test
    void aSearchWithinTheMaxQuantityIsNotCapped() {
        Reply found = search("prefix=415&quantity=4&carriers=mock");

        assertEquals(4, found.numbers().size(), found.text());
        assertFalse(found.json().path("carriers").path("mock").has("capped_at"), found.text());
    }

    @Test
    void aCarrierAskedAgainBecauseNumbersWereHeldIsAskedForNoMoreThanItsMaxQuantity() {
        ApiClient api = ApiClient.of(carriers.host());
        for (String held : List.of("+14159000000", "+14159000001")) {
            Reply acquired = api.post("/api/numbers/" + held + "/acquire", "{\"account_id\":\"acct-1\"}");
            assertEquals(200, acquired.status(), acquired.text());
        }

        Reply found = search("prefix=415&quantity=3&account_id=acct-2&carriers=mock");

        assertEquals(List.of("+14159000002", "+14159000003"), found.numbers());
        assertEquals(4, found.json().path("carriers").path("mock").path("capped_at").asInt(), found.text());
    }
}
