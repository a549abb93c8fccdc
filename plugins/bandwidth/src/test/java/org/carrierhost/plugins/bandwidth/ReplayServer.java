package org.carrierhost.plugins.bandwidth;

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
 * A loopback server that answers each request with a fixture body from {@code src/test/resources/replies/}:
 * the published reply shapes, replayed to the carrier. Replies are chosen by method and the last resource
 * of the path ({@code orders}, {@code orders/{id}} as {@code orders/*}, ...); a route answers its reply to
 * every request.
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
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
    }

    /** Answers {@code method route} (e.g. {@code GET orders/*}) with the fixture (empty: no body) and headers. */
    ReplayServer on(String method, String route, int status, String fixture, Map<String, String> headers) {
        routes.put(method + " " + route, new Reply(status, fixture.isEmpty() ? "" : fixture(fixture), headers));
        return this;
    }

    ReplayServer on(String method, String route, int status, String fixture) {
        return on(method, route, status, fixture, Map.of());
    }

    /** The requests received, as {@code METHOD path}. */
    List<String> requests() {
        return List.copyOf(requests);
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
            requests.add(exchange.getRequestMethod() + " " + path);
            String[] parts = path.split("/");
            String last = parts[parts.length - 1];
            String before = parts.length > 1 ? parts[parts.length - 2] : "";
            Reply reply = routes.get(exchange.getRequestMethod() + " " + last);
            if (reply == null) {
                reply = routes.getOrDefault(exchange.getRequestMethod() + " " + before + "/*",
                        new Reply(404, "", Map.of()));
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
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
