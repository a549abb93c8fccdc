package org.carrierhost.host;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small client of the HTTP API for tests, over real HTTP.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final Duration timeout;

    public ApiClient(String baseUrl, String token) {
        this(baseUrl, token, Duration.ofSeconds(120));
    }

    private ApiClient(String baseUrl, String token, Duration timeout) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.timeout = timeout;
    }

    /** A client of {@code host} with the admin token. */
    public static ApiClient of(CarrierHost host) {
        return new ApiClient(host.url(), TestHosts.ADMIN_TOKEN);
    }

    /** This client with another token (null for none). */
    public ApiClient withToken(String other) {
        return new ApiClient(base, other, timeout);
    }

    /** This client waiting up to {@code limit} for each answer (120 s otherwise), for a request as large as a million numbers. */
    public ApiClient withTimeout(Duration limit) {
        return new ApiClient(base, token, limit);
    }

    /** {@code GET path}. */
    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** {@code POST path} with a JSON body. */
    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code method path} with a raw body. */
    public Reply send(String method, String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** {@code POST /api/carriers} as {@code multipart/form-data}: the parts {@code zip} and {@code signature}. */
    public Reply uploadSigned(byte[] zip, byte[] signature) {
        String boundary = "----carrier-host-test-boundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"zip\"; filename=\"x.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"signature\"; filename=\"x.zip.asc\"\r\n"
                + "Content-Type: application/pgp-signature\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        body.writeBytes(signature);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return send("POST", "/api/carriers", body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }

    private Reply send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").map(type -> type.contains("json")).orElse(true);
            return new Reply(response.statusCode(), response.body(), json
                    ? JSON.readTree(response.body().isEmpty() ? "{}" : response.body()) : JSON.missingNode());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One answer.
     *
     * @param status the HTTP status
     * @param text   the body as text
     * @param json   the body as JSON (missing when the answer is not JSON, the metrics' text say)
     */
    public record Reply(int status, String text, JsonNode json) {

        /** The standard error's {@code error} name, or null. */
        public String error() {
            return json.path("error").path("error").asText(null);
        }

        /** The numbers of a search's answer, in its order. */
        public java.util.List<String> numbers() {
            java.util.List<String> numbers = new java.util.ArrayList<>();
            json.path("numbers").forEach(n -> numbers.add(n.path("number").asText()));
            return numbers;
        }
    }
}
