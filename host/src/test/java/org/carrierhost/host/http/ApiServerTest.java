package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The server's own answers over real HTTP: routing errors, limits, request ids and HEAD. */
class ApiServerTest {

    @RegisterExtension
    final CarrierHostExtension mock = TestHosts.mockOverHttp();

    @Test
    void anUnknownRouteIsAStandard404() {
        Reply reply = ApiClient.of(mock.host()).get("/api/nothing-here");

        assertEquals(404, reply.status());
        assertEquals("not_found", reply.error());
        assertTrue(reply.json().path("error").has("carrier"));
    }

    @Test
    void aWrongMethodIs405NamingTheAllowedOnes() {
        Reply reply = ApiClient.of(mock.host()).send("DELETE", "/api/numbers", new byte[0], "application/json");

        assertEquals(405, reply.status());
        assertEquals("method_not_allowed", reply.error());
        assertEquals("allowed: GET", reply.json().path("error").path("cause").asText());
    }

    @Test
    void anOversizedJsonBodyIs413() {
        String body = "{\"account_id\":\"" + "a".repeat((int) Route.SMALL_BODY) + "\"}";

        Reply reply = ApiClient.of(mock.host()).post("/api/numbers/+14159000000/acquire", body);

        assertEquals(413, reply.status());
        assertEquals("too_large", reply.error());
    }

    @Test
    void everyAnswerCarriesARequestIdAndAGivenOneIsKept() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> fresh = http.send(HttpRequest.newBuilder(URI.create(mock.host().url() + "api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> given = http.send(HttpRequest.newBuilder(URI.create(mock.host().url() + "api/nothing"))
                .header("X-Request-Id", "abc-123").build(), HttpResponse.BodyHandlers.ofString());

        assertTrue(fresh.headers().firstValue("X-Request-Id").orElse("").matches("[0-9a-f]{16}"));
        assertEquals("abc-123", given.headers().firstValue("X-Request-Id").orElse(null));
    }

    @Test
    void headIsAnsweredAsGetWithoutABody() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(mock.host().url() + "console/console.css")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(mock.host().url() + "console/console.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
        assertEquals(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length),
                head.headers().firstValue("Content-Length").orElse(null));
    }

    @Test
    void oversizedHeadersAreAnswered431InTheStandardShape() throws IOException {
        String answer = raw("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(64 * 1024) + "\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
        JsonNode body = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals(431, body.path("error").path("code").asInt());
        assertEquals("too_large", body.path("error").path("error").asText());
    }

    @Test
    void manyHeadersAreAnswered431() throws IOException {
        StringBuilder request = new StringBuilder("GET /api/health HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 300; i++) {
            request.append("X-H").append(i).append(": ").append("v".repeat(40)).append("\r\n");
        }

        String answer = raw(request.append("\r\n").toString());

        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
    }

    @Test
    void aStackTraceNeverReachesTheClient() {
        Reply reply = ApiClient.of(mock.host()).post("/api/numbers/check", "{\"numbers\": [" + "[".repeat(100) + "]}");

        assertEquals(400, reply.status());
        assertFalse(reply.text().contains("at org."), reply.text());
        assertFalse(reply.text().contains("Exception"), reply.text());
    }

    @Test
    void aBodyALittleOverTheLimitIsReadToItsEndBeforeThe413SoTheCloseCannotResetTheAnswer() throws Exception {
        byte[] body = ("{\"account_id\":\"" + "a".repeat((int) Route.SMALL_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/numbers/+14159000000/acquire HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + TestHosts.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", mock.host().port())) {
            socket.setSoTimeout(300);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, body.length / 2);
            out.flush();
            InputStream in = socket.getInputStream();
            assertThrows(java.net.SocketTimeoutException.class, in::read, "answered before the body was read to its end");

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            socket.setSoTimeout(5000);
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"too_large\""), answer);
        }
    }

    /** Sends {@code request} as is and reads the answer until the server closes or a full body arrived. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", mock.host().port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read all of an oversized request.
            }
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                int headerEnd = answer.indexOf("\r\n\r\n");
                if (headerEnd > 0) {
                    String headers = answer.substring(0, headerEnd).toLowerCase(java.util.Locale.ROOT);
                    int at = headers.indexOf("content-length:");
                    if (at > 0) {
                        int length = Integer.parseInt(headers.substring(at + 15).split("\r\n")[0].strip());
                        if (answer.length() - headerEnd - 4 >= length) {
                            break;
                        }
                    }
                }
            }
            return answer.toString();
        }
    }
}
