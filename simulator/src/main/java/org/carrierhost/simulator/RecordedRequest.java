package org.carrierhost.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An API request as the simulator received it, so tests can check what a client sent.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param method  the HTTP method
 * @param path    the path, for example {@code /api/accounts/9900000/availableNumbers}
 * @param query   the raw (still encoded) query, or empty
 * @param headers the headers, names in lower case
 * @param body    the body as text
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              String body) {

    public RecordedRequest {
        query = query == null ? "" : query;
        headers = Map.copyOf(headers);
    }

    /** The first value of the header {@code name} (any case). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)))
                .filter(v -> !v.isEmpty()).map(v -> v.get(0));
    }

    /** The decoded query parameters. */
    public Map<String, String> params() {
        return QueryParams.parse(query);
    }

    /** One decoded query parameter. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params().get(name));
    }

    /** Decodes {@code text} as a URL-encoded form value. */
    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
