package org.carrierhost.host.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

/**
 * The admin console: a static page, its script (an ES module that imports one module per view from
 * {@code /console/modules/}), style and icon, served without authentication (they hold no data; every call
 * the page makes goes to the API with the token the admin types in). A strict content security policy
 * allows only this host's own scripts, so injected markup cannot run.
 *
 * <p>Thread-safe: the files are read once, at construction, into immutable arrays.
 */
public final class ConsoleRoutes {

    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final ApiResponse page = file("index.html", "text/html; charset=utf-8");
    private final ApiResponse script = file("console.js", "text/javascript; charset=utf-8");
    private final ApiResponse style = file("console.css", "text/css; charset=utf-8");
    private final ApiResponse icon = file("favicon.svg", "image/svg+xml");
    /** The console's modules by file name: a fixed list, so no other name reaches the class path. */
    private final Map<String, ApiResponse> modules = List.of("api.js", "audit.js", "carriers.js", "cluster.js", "dom.js",
            "holds.js", "import.js", "numbers.js", "reconcile.js", "rollout.js", "router.js", "session.js", "settings.js", "spark.js",
            "stream.js", "time.js", "upload.js").stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), name -> file("modules/" + name, "text/javascript; charset=utf-8")));

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("GET", "/", null, request -> page));
        server.route(Route.of("GET", "/console", null, request -> page));
        server.route(Route.of("GET", "/console/console.js", null, request -> script));
        server.route(Route.of("GET", "/console/modules/{module}", null, request -> {
            ApiResponse module = modules.get(request.parameter("module"));
            if (module == null) {
                throw StandardException.of(ErrorCode.NOT_FOUND, "no such console module");
            }
            return module;
        }));
        server.route(Route.of("GET", "/console/console.css", null, request -> style));
        // Browsers ask for /favicon.ico on every page; an SVG answers it (the page links the same file).
        server.route(Route.of("GET", "/favicon.ico", null, request -> icon));
    }

    private static ApiResponse file(String name, String contentType) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console/" + name + " is missing from the host jar");
            }
            return new ApiResponse(200, in.readAllBytes(), contentType,
                    Map.of("Content-Security-Policy", POLICY, "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
