package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request bodies mapped onto records by the one configured mapper, over real HTTP: what is refused, and how it is named. */
class JsonBodyTest {

    private static final String ACQUIRE = "/api/numbers/+14159000000/acquire";

    @RegisterExtension
    final CarrierHostExtension mock = TestHosts.mockOverHttp();

    @Test
    void anUnknownFieldIsRefusedNamingItAndTheKnownOnes() {
        Reply reply = ApiClient.of(mock.host()).post(ACQUIRE, "{\"acount_id\":\"acct-1\"}");

        assertEquals(400, reply.status(), reply.text());
        assertEquals("unknown field 'acount_id'", message(reply));
        assertEquals("known fields: account_id, carrier, dry_run, hold_id, state", reply.json().path("error").path("cause").asText());
    }

    @Test
    void aBodyNestedTooDeeplyIsRefusedNamingTheLimit() {
        Reply reply = ApiClient.of(mock.host()).post("/api/numbers/check", "{\"numbers\":" + "[".repeat(40) + "]".repeat(40) + "}");

        assertEquals(400, reply.status(), reply.text());
        assertEquals("body is over a JSON limit: nested deeper than " + JsonMapper.MAX_DEPTH + " levels", message(reply));
    }

    @Test
    void aStringOverTheLimitIsRefusedNamingTheLimit() {
        Reply reply = ApiClient.of(mock.host()).post("/api/numbers/check", "{\"numbers\":[\"" + "1".repeat(JsonMapper.MAX_STRING + 1) + "\"]}");

        assertEquals(400, reply.status(), reply.text());
        assertEquals("body is over a JSON limit: a string longer than " + JsonMapper.MAX_STRING + " characters", message(reply));
    }

    @Test
    void aFlagGivenAsTextIsRefusedNamingTheField() {
        Reply reply = ApiClient.of(mock.host()).post(ACQUIRE, "{\"dry_run\":\"true\"}");

        assertEquals(400, reply.status(), reply.text());
        assertEquals("dry_run must be true or false", message(reply));
        assertEquals("got a string", reply.json().path("error").path("cause").asText());
    }

    @Test
    void aNumberGivenForATextFieldIsRefusedNamingTheField() {
        Reply reply = ApiClient.of(mock.host()).post(ACQUIRE, "{\"account_id\":5}");

        assertEquals(400, reply.status(), reply.text());
        assertEquals("account_id must be a string", message(reply));
        assertEquals("got a whole number", reply.json().path("error").path("cause").asText());
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        Reply reply = ApiClient.of(mock.host()).post(ACQUIRE, "[1,2]");

        assertEquals(400, reply.status(), reply.text());
        assertEquals("body must be a JSON object", message(reply));
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        Reply reply = ApiClient.of(mock.host()).post(ACQUIRE, "{\"account_id\":\n}");

        assertEquals(400, reply.status(), reply.text());
        assertTrue(message(reply).startsWith("malformed JSON at line 2, column 1"), message(reply));
    }

    @Test
    void everyRefusedBodyIsExplainedInTheHostsOwnWords() {
        ApiClient api = ApiClient.of(mock.host());
        java.util.Map<String, String[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("{\"dry_run\":\"yes\"}", new String[] {ACQUIRE, "dry_run must be true or false", "got a string"});
        bodies.put("{\"dry_run\":1}", new String[] {ACQUIRE, "dry_run must be true or false", "got a whole number"});
        bodies.put("{\"account_id\":{}}", new String[] {ACQUIRE, "account_id must be a string", "got an object"});
        bodies.put("{\"state\":[\"reserved\"]}", new String[] {ACQUIRE, "state must be a string", "got an array"});
        bodies.put("{\"numbers\":\"+14159000000\"}", new String[] {"/api/numbers/check", "numbers must be an array", "got a string"});
        bodies.put("{\"numbers\":[[1]]}", new String[] {"/api/numbers/check", "number must be digits", "got '[1]'"});
        bodies.put("\"text\"", new String[] {ACQUIRE, "body must be a JSON object", "got a string"});
        bodies.put("{\"account_id\":}", new String[] {ACQUIRE, "malformed JSON at line 1, column 15", "unexpected character '}' there"});
        bodies.put("{\"account_id\":", new String[] {ACQUIRE, "malformed JSON at line 1, column 15", "the body ends before its JSON does"});
        bodies.forEach((body, expected) -> {
            Reply reply = api.post(expected[0], body);
            String cause = reply.json().path("error").path("cause").asText();

            assertEquals(400, reply.status(), body + " -> " + reply.text());
            assertEquals(expected[1], message(reply), body + " -> " + reply.text());
            assertEquals(expected[2], cause, body + " -> " + reply.text());
            for (String jackson : java.util.List.of("Cannot", "coerce", "Coercion", "`", "java.", "Jackson", "token", "(code")) {
                assertTrue(!reply.text().contains(jackson), "Jackson's words (" + jackson + ") in " + reply.text());
            }
        });
    }

    @Test
    void numbersToCheckMayBeJsonNumbers() {
        Reply reply = ApiClient.of(mock.host()).post("/api/numbers/check", "{\"numbers\":[14159000000]}");

        assertEquals(200, reply.status(), reply.text());
        assertEquals("not_found", reply.json().path("14159000000").asText(), reply.text());
    }

    private static String message(Reply reply) {
        return reply.json().path("error").path("message").asText();
    }
}
