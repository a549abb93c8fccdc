package org.carrierhost.host.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP server: routes requests, checks bearer tokens and roles, and answers every failure in the
 * standard error shape. Built on the JDK's {@link HttpServer}.
 *
 * <p>Thread-safe: routes are fixed before {@link #start}; requests run on a bounded pool.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

    private final List<Route> routes = new ArrayList<>();
    private final AccessTokens tokens;
    private final long maxBodyBytes;
    private final AuthThrottle throttle = new AuthThrottle();
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private HttpServer server;
    private ExecutorService pool;

    public ApiServer(AccessTokens tokens, long maxBodyBytes) {
        this.tokens = tokens;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Adds a route; literal routes should be added before parameter routes of the same shape. */
    public ApiServer route(Route route) {
        routes.add(route);
        return this;
    }

    /** Listens on {@code bind}:{@code port} (0 picks a free port). */
    public void start(String bind, int port, int threads) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bind, port), 128);
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        ApiResponse response;
        try {
            response = dispatch(exchange);
        } catch (StandardException e) {
            response = ApiResponse.json(e.error().code().status(), JsonViews.error(e.error().bounded()));
        } catch (Exception | LinkageError e) {
            log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = ApiResponse.json(500, Map.of("error", Map.of("code", 500, "error", "internal",
                    "message", "internal error; see the host's log", "cause", String.valueOf(e))));
        }
        write(exchange, response);
    }

    private ApiResponse dispatch(HttpExchange exchange) throws Exception {
        // HEAD answers as GET does, without the body (see write).
        String method = exchange.getRequestMethod().equals("HEAD") ? "GET" : exchange.getRequestMethod();
        List<String> path = Route.split(exchange.getRequestURI().getPath());
        List<Route> shaped = new ArrayList<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(path);
            if (parameters.isEmpty()) {
                continue;
            }
            if (!route.method().equals(method)) {
                shaped.add(route);
                continue;
            }
            Principal principal = null;
            if (route.role() != null) {
                String client = exchange.getRemoteAddress().getAddress().getHostAddress();
                throttle.check(client);
                principal = tokens.authenticate(exchange.getRequestHeaders().getFirst("Authorization")).orElse(null);
                throttle.record(client, principal != null);
                if (principal == null) {
                    throw StandardException.of(ErrorCode.UNAUTHORIZED, "missing or wrong admin token",
                            "send Authorization: Bearer <token>");
                }
                if (!principal.role().covers(route.role())) {
                    throw StandardException.of(ErrorCode.FORBIDDEN, "token '" + principal.name() + "' may not do this",
                            "it has role " + principal.role().name().toLowerCase(java.util.Locale.ROOT) + "; this needs "
                                    + route.role().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            return route.handler().handle(new ApiRequest(exchange, parameters.get(), principal, maxBodyBytes, json));
        }
        if (!shaped.isEmpty()) {
            String allowed = shaped.stream().map(Route::method).distinct().collect(Collectors.joining(", "));
            // Not one of the carrier errors, but the same shape, so clients parse one thing.
            Map<String, Object> error = new java.util.LinkedHashMap<>();
            error.put("code", 405);
            error.put("error", "method_not_allowed");
            error.put("message", "method " + StandardError.bounded(method, 40) + " is not allowed here");
            error.put("cause", "allowed: " + allowed);
            error.put("carrier", null);
            return new ApiResponse(405, Map.of("error", error), ApiResponse.JSON, Map.of("Allow", allowed));
        }
        throw StandardException.of(ErrorCode.NOT_FOUND, "no such route: " + StandardError.bounded(method, 40) + " "
                + StandardError.bounded(exchange.getRequestURI().getPath(), 200));
    }

    private void write(HttpExchange exchange, ApiResponse response) {
        try (exchange) {
            byte[] body = response.body() instanceof byte[] bytes ? bytes : json.writeValueAsBytes(response.body());
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", response.contentType());
            headers.set("Cache-Control", "no-store");
            headers.set("X-Content-Type-Options", "nosniff");
            response.headers().forEach(headers::set);
            if (response.status() == 401) {
                headers.set("WWW-Authenticate", "Bearer realm=\"carrier-host\"");
            }
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), body.length == 0 || head ? -1 : body.length);
            if (body.length > 0 && !head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            log.debug("client went away before the answer to {} {} was written", exchange.getRequestMethod(),
                    exchange.getRequestURI());
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
