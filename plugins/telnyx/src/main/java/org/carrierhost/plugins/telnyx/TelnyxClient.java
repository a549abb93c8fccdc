package org.carrierhost.plugins.telnyx;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP side of the Telnyx Numbers API v2: sends requests with the Bearer key and
 * {@code Accept: application/json}, and turns every reply into a parsed body or a {@link CarrierException} with a
 * standard code ({@link TelnyxFailures}). Only searches are retried (on 429, within {@code timeout_ms}); an order
 * POST never is, and says whether its outcome is known ({@link PostOutcome}).
 *
 * <p>Thread-safe: the JDK {@link HttpClient} and Jackson's {@link ObjectMapper} are thread-safe, and every
 * other field is final and immutable.
 */
public final class TelnyxClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelnyxSettings settings;
    private final HttpClient http;

    public TelnyxClient(TelnyxSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * What a POST came to. {@link Unknown} means the request may have taken effect at Telnyx (a 5xx, no reply, a
     * reply that cannot be read): the caller must look it up, never send it again.
     */
    public sealed interface PostOutcome {
        /** Accepted, with its body. */
        record Accepted(JsonNode body) implements PostOutcome {
        }

        /** Refused: nothing was made. */
        record Refused(CarrierException failure) implements PostOutcome {
        }

        /** Not known whether anything was made. */
        record Unknown(CarrierException failure) implements PostOutcome {
        }
    }

    /**
     * {@code GET /available_phone_numbers?query}; a 429 is waited out (until {@code x-ratelimit-reset}) and retried
     * up to {@code max_retries} times while the wait fits in {@code timeout_ms} from the first attempt.
     */
    public JsonNode search(String query) throws CarrierException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        HttpRequest request = request("/available_phone_numbers?" + query).GET().build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 429) {
                return read(response, "search");
            }
            Duration wait = RateLimitReset.waitFor(response.headers().firstValue("x-ratelimit-reset"),
                    System.currentTimeMillis());
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (attempt >= settings.maxRetries() || wait.compareTo(left) > 0) {
                CarrierException refused = TelnyxFailures.of(429, errorsIn(response.body()), "search");
                throw new CarrierException(refused.code(), refused.getMessage(), refused.detail() + " after "
                        + (attempt + 1) + " attempts; the limit resets in " + wait.toMillis() + " ms, "
                        + Math.max(0, left.toMillis()) + " ms of the search were left");
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                throw interrupted("waiting out a 429 on a search");
            }
        }
    }

    /** {@code GET path} (with its query); not retried. */
    public JsonNode get(String pathAndQuery) throws CarrierException {
        return read(send(request(pathAndQuery).GET().build()), "GET " + pathOf(pathAndQuery));
    }

    /** {@code DELETE path}; empty when Telnyx answers 404 (already gone). */
    public Optional<JsonNode> delete(String path) throws CarrierException {
        HttpResponse<String> response = send(request(path).DELETE().build());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(read(response, "DELETE " + path));
    }

    /** {@code POST path} with a JSON body; never retried. */
    public PostOutcome post(String path, JsonNode body) {
        HttpRequest request;
        try {
            request = request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
        } catch (JsonProcessingException e) {
            return new PostOutcome.Refused(new CarrierException(ErrorCode.INVALID, "cannot write the order", e.getMessage()));
        }
        HttpResponse<String> response;
        try {
            response = send(request);
        } catch (CarrierException e) {
            return new PostOutcome.Unknown(e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            return new PostOutcome.Unknown(TelnyxFailures.of(status, errorsIn(response.body()), "POST " + path));
        }
        try {
            return new PostOutcome.Accepted(read(response, "POST " + path));
        } catch (CarrierException e) {
            return status >= 200 && status < 300 ? new PostOutcome.Unknown(e) : new PostOutcome.Refused(e);
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery)).timeout(settings.timeout())
                .header("Accept", "application/json").header("User-Agent", "carrier-host-telnyx")
                .header("Authorization", "Bearer " + settings.apiKey());
    }

    private HttpResponse<String> send(HttpRequest request) throws CarrierException {
        String what = request.method() + " " + request.uri().getPath();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new CarrierException(ErrorCode.TIMEOUT, "telnyx did not answer in time",
                    what + ": no reply within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "telnyx is unreachable",
                    what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            throw interrupted(what);
        }
    }

    /** The parsed body of a 2xx reply; otherwise the failure it means. */
    private static JsonNode read(HttpResponse<String> response, String what) throws CarrierException {
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw TelnyxFailures.of(status, errorsIn(response.body()), what);
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new CarrierException(ErrorCode.CARRIER_FAULT, "telnyx answered something unreadable",
                        what + ": HTTP " + status + " with a body that is not a JSON object");
            }
            List<TelnyxError> errors = TelnyxError.listIn(body);
            if (!errors.isEmpty() && !body.has("data")) {
                throw TelnyxFailures.of(status, errors, what);
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "telnyx answered something unreadable",
                    what + ": HTTP " + status + " with a body that is not JSON: " + e.getOriginalMessage());
        }
    }

    private static List<TelnyxError> errorsIn(String body) {
        try {
            return TelnyxError.listIn(JSON.readTree(body));
        } catch (JsonProcessingException unreadable) {
            return List.of(); // the status alone still says what went wrong
        }
    }

    private static String pathOf(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    /** The host interrupts a call past its deadline: end at once as a TIMEOUT, keeping the interrupt flag set. */
    static CarrierException interrupted(String detail) {
        Thread.currentThread().interrupt();
        return new CarrierException(ErrorCode.TIMEOUT, "interrupted while waiting for telnyx", detail);
    }
}
