package org.carrierhost.host.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.1 document of the whole HTTP API, as kept in the source tree
 * ({@code host/src/main/resources/org/carrierhost/host/http/openapi.json}). Public: it is the contract, and
 * holds no data.
 *
 * <p>Thread-safe: the document is read once, at construction, into an immutable answer.
 */
public final class OpenApiRoutes {

    /** Where the document sits on the class path, beside this class. */
    public static final String RESOURCE = "openapi.json";

    private final ApiResponse document = read();

    /** Adds the route to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("GET", "/api/openapi.json", null, request -> document));
    }

    private static ApiResponse read() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the host jar");
            }
            return new ApiResponse(200, in.readAllBytes(), ApiResponse.JSON, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
