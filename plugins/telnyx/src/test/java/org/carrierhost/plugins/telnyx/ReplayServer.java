package org.carrierhost.plugins.telnyx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback server that answers each request with a fixture body from {@code src/test/resources/replies/}, the
 * reply shapes Telnyx publishes, replayed to the carrier. A route is {@code METHOD resource} ({@code GET number_orders})
 * or {@code METHOD resource/*} for any id below it; {@code METHOD resource?query} (the query decoded) wins over it for
 * that query alone.
 *
 * <p>Thread-safe: routes and the request log are concurrent collections.
 */
final class ReplayServer implements AutoCloseable {

    private record Reply(int status, String body, Map<String, String> headers) {
    }

    private final Map<String, Reply> routes = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    ReplayServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** The carrier's {@code base_url}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2";
    }

    ReplayServer on(String route, int status, String fixture, Map<String, String> headers) {
        routes.put(route, new Reply(status, fixture(fixture), headers));
        return this;
    }

    ReplayServer on(String route, int status, String fixture) {
        return on(route, status, fixture, Map.of());
    }

    /** The requests received, as {@code METHOD path?query} with the query decoded. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** How many requests began with {@code start}. */
    long count(String start) {
        return requests.stream().filter(r -> r.startsWith(start)).count();
    }

    static String fixture(String name) {
        try (InputStream in = ReplayServer.class.getResourceAsStream("/replies/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture replies/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            String resource = path.substring("/v2/".length());
            int slash = resource.indexOf('/');
            String route = exchange.getRequestMethod() + " " + (slash < 0 ? resource : resource.substring(0, slash) + "/*");
            Reply reply = routes.getOrDefault(route + "?" + query,
                    routes.getOrDefault(route, new Reply(404, fixture("error-10005.json"), Map.of())));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
