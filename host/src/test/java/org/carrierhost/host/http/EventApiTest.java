package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /api/events}: filtered on the server, paged, and strict about its parameters. */
class EventApiTest {

    @RegisterExtension
    final CarrierHostExtension mock = TestHosts.mockOverHttp();

    private ApiClient api() {
        return ApiClient.of(mock.host());
    }

    private List<JsonNode> events(String query) {
        ApiClient.Reply reply = api().get("/api/events" + query);
        assertEquals(200, reply.status(), reply.text());
        List<JsonNode> list = new ArrayList<>();
        reply.json().forEach(list::add);
        return list;
    }

    @Test
    void theCarrierFilterKeepsOnlyThatCarriersEvents() {
        api().post("/api/carriers/mock/disable", "");
        api().post("/api/numbers/+14155550100/acquire", "{}");

        List<JsonNode> mockEvents = events("?carrier=mock");
        assertTrue(mockEvents.size() >= 3, mockEvents.toString());
        mockEvents.forEach(e -> assertEquals("mock", e.path("carrier").asText(), e.toString()));
        assertTrue(events("?carrier=other").isEmpty());
    }

    @Test
    void theActionAndActorFiltersMatchExactly() {
        api().post("/api/carriers/mock/disable", "");
        api().post("/api/carriers/mock/enable", "");

        List<JsonNode> disables = events("?action=disable&actor=api:admin");
        assertEquals(1, disables.size(), disables.toString());
        assertEquals("disable", disables.get(0).path("action").asText());
        assertTrue(events("?action=disable&actor=startup").isEmpty());
    }

    @Test
    void sinceLeavesOutEarlierEvents() {
        Instant cut = Instant.now().plusSeconds(60);
        assertTrue(events("?since=" + cut).isEmpty());
        assertTrue(!events("?since=2000-01-01T00:00:00Z").isEmpty());
    }

    @Test
    void beforeAnIdGivesTheNextPageWithoutOverlap() {
        for (int i = 0; i < 3; i++) {
            api().post("/api/carriers/mock/disable", "");
            api().post("/api/carriers/mock/enable", "");
        }
        List<JsonNode> first = events("?limit=3");
        long lastId = first.get(2).path("id").asLong();
        List<JsonNode> second = events("?limit=3&before=" + lastId);

        assertEquals(3, second.size());
        assertTrue(second.get(0).path("id").asLong() < lastId);
        assertTrue(first.get(0).path("id").asLong() > first.get(1).path("id").asLong(), "newest first");
    }

    @Test
    void anUnknownParameterIsRefusedByName() {
        ApiClient.Reply reply = api().get("/api/events?carier=mock");

        assertEquals(400, reply.status());
        assertEquals("invalid", reply.error());
        assertTrue(reply.json().path("error").path("message").asText().contains("'carier'"), reply.text());
    }

    @Test
    void aMalformedSinceIsRefused() {
        ApiClient.Reply reply = api().get("/api/events?since=yesterday");

        assertEquals(400, reply.status());
        assertTrue(reply.json().path("error").path("message").asText().contains("since"), reply.text());
    }
}
