package org.carrierhost.host.http;

import java.util.Map;

/**
 * What a route answers: a status and a body, written as JSON unless it is already bytes.
 *
 * <p>Thread-safe: an immutable value (the body is whatever the route built and no longer touches).
 *
 * @param status      the HTTP status
 * @param body        the body: an object written as JSON, or a {@code byte[]} written as is
 * @param contentType the content type
 * @param headers     extra headers
 */
public record ApiResponse(int status, Object body, String contentType, Map<String, String> headers) {

    public static final String JSON = "application/json; charset=utf-8";

    /** 200 with {@code body} as JSON. */
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, JSON, Map.of());
    }

    /** {@code status} with {@code body} as JSON. */
    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, body, JSON, Map.of());
    }
}
