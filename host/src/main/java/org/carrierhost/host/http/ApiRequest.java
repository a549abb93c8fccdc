package org.carrierhost.host.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.eclipse.jetty.server.Request;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One API request: its path parameters, query, caller and body, with the body's size limit enforced and
 * a JSON body mapped onto its record ({@link BodyReader}).
 *
 * <p>Not thread-safe: one request is handled by one thread.
 */
public final class ApiRequest {

    private final Request request;
    private final Map<String, String> parameters;
    private final Map<String, String> query;
    private final Principal principal;
    private final long maxBodyBytes;
    private final ObjectMapper json;
    private final byte[] body;

    /** A request whose {@code body} has arrived whole already ({@link BodyRead}). */
    ApiRequest(Request request, Map<String, String> parameters, Principal principal, long maxBodyBytes, ObjectMapper json,
               byte[] body) {
        this.request = request;
        this.parameters = parameters;
        this.query = parseQuery(request.getHttpURI().getQuery());
        this.principal = principal;
        this.maxBodyBytes = maxBodyBytes;
        this.json = json;
        this.body = body;
    }

    /** The path parameter {@code name}. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    /** The query parameter {@code name}, when given and not blank. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * Refuses a query parameter other than {@code known}, naming it.
     *
     * @throws StandardException {@code invalid} naming the first unknown parameter
     */
    public void onlyQuery(java.util.Set<String> known) {
        for (String name : query.keySet()) {
            if (!known.contains(name)) {
                throw StandardException.of(ErrorCode.INVALID, "unknown query parameter '" + StandardError.bounded(name, 40) + "'",
                        "known: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    /** The whole-number query parameter {@code name}, or {@code fallback}. */
    public int queryInt(String name, int fallback) {
        Optional<String> value = query(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw StandardException.of(ErrorCode.INVALID, name + " must be a whole number", "got '" + value.get() + "'");
        }
    }

    /** Who is calling; null on public routes. */
    public Principal principal() {
        return principal;
    }

    /** The actor for the audit log. */
    public String actor() {
        return principal == null ? "api:anonymous" : principal.actor();
    }

    /** A request header. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    /** The body, at most the route's limit; larger was answered with {@code too_large} before the handler ran. */
    public byte[] body() {
        if (body.length > maxBodyBytes) {
            throw StandardException.of(ErrorCode.TOO_LARGE, "request body is too large",
                    body.length + " bytes, over the limit of " + maxBodyBytes);
        }
        return body;
    }

    /**
     * The body mapped onto {@code type}, a record, by the API's one mapper; an empty body is an empty
     * object. Anything wrong with it (malformed, an unknown field, a wrong type, over a JSON limit) is
     * answered {@code 400 invalid} naming it.
     */
    public <T> T json(Class<T> type) {
        return new BodyReader(json).read(body(), type);
    }

    /** Parses a raw query; {@code +} stays a plus, since numbers and prefixes use it. */
    static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.putIfAbsent(key, value);
        }
        return query;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StandardException.of(ErrorCode.INVALID, "malformed query", "cannot decode '" + part + "'");
        }
    }
}
