package org.carrierhost.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Bandwidth numbers API on the JDK's HTTP server. It serves
 * {@code /api/accounts/{account}/availableNumbers}, {@code /orders}, {@code /orders/{id}},
 * {@code /disconnects} and {@code /disconnects/{id}} behind Basic auth, and {@code /_sim/failures} (no
 * auth; it is a local test tool) to switch failures on and off.
 *
 * <p>Thread-safe: the server runs requests on a small pool; the stock, orders, switches and the request
 * log are each thread-safe.
 */
public final class BandwidthSimulator implements AutoCloseable {

    private static final int KEPT_REQUESTS = 500;
    private static final Pattern API = Pattern.compile("/api/accounts/([^/]+)/(availableNumbers|orders|disconnects)(?:/([^/]+))?/?");

    private final SimulatorSettings settings;
    private final Failures failures = new Failures();
    private final Stock stock;
    private final SearchEndpoint search;
    private final OrderDesk orders;
    private final DisconnectDesk disconnects;
    private final Deque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();
    private final String expectedAuth;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bandwidth-simulator");
        t.setDaemon(true);
        return t;
    });

    private BandwidthSimulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.stock = new Stock(settings.stock());
        this.search = new SearchEndpoint(stock, failures);
        this.orders = new OrderDesk(stock, failures, settings.pollsUntilComplete());
        this.disconnects = new DisconnectDesk(stock, failures, settings.pollsUntilComplete());
        this.expectedAuth = "Basic " + Base64.getEncoder().encodeToString(
                (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 0);
        server.createContext("/api/", this::api);
        server.createContext("/_sim/failures", this::admin);
        server.setExecutor(pool);
        server.start();
    }

    /** Starts a simulator; {@link #port()} tells the port it got. */
    public static BandwidthSimulator start(SimulatorSettings settings) throws IOException {
        return new BandwidthSimulator(settings);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The API base URL a carrier's {@code base_url} should be, for example {@code http://127.0.0.1:9090/api}. */
    public String baseUrl() {
        String host = server.getAddress().getHostString();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port() + "/api";
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** The failure switches. */
    public Failures failures() {
        return failures;
    }

    /** The stock, to check what was ordered or released. */
    public Stock stock() {
        return stock;
    }

    /** The API requests received, oldest first (the last {@value #KEPT_REQUESTS}). */
    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    /** The last API request received. */
    public RecordedRequest lastRequest() {
        RecordedRequest last = requests.peekLast();
        if (last == null) {
            throw new IllegalStateException("no request received yet");
        }
        return last;
    }

    /** How many API requests were received whose path ends with {@code pathSuffix}. */
    public long count(String method, String pathSuffix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).count();
    }

    /** Forgets the requests received. */
    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            send(exchange, route(request));
        }
    }

    private Answer route(RecordedRequest request) {
        if (!expectedAuth.equals(request.header("Authorization").orElse(""))) {
            return Answer.responseStatus(401, "ResponseStatus", "401", "Authentication required");
        }
        Matcher m = API.matcher(request.path());
        if (!m.matches()) {
            return Answer.responseStatus(404, "ResponseStatus", "404", "No resource at " + request.path());
        }
        if (!m.group(1).equals(settings.account())) {
            return Answer.responseStatus(403, "ResponseStatus", "403", "Access to account " + m.group(1) + " denied");
        }
        if (failures.consumeThrottle()) {
            long reset = System.currentTimeMillis() + settings.rateLimitResetMs();
            return new Answer(429, "", "text/plain", Map.of("X-RateLimit-Reset", String.valueOf(reset)));
        }
        if (failures.isOn(Failure.SERVER_ERROR)) {
            return Answer.text(503, "Service Unavailable");
        }
        String resource = m.group(2);
        String id = m.group(3);
        String method = request.method();
        String type = request.header("Content-Type").orElse(null);
        if (resource.equals("availableNumbers") && id == null && method.equals("GET")) {
            return search.search(request.params());
        }
        if (resource.equals("orders") && id == null && method.equals("POST")) {
            return orders.placeOrder(type, request.body(), request.path());
        }
        if (resource.equals("orders") && id != null && method.equals("GET")) {
            return orders.readOrder(id);
        }
        if (resource.equals("disconnects") && id == null && method.equals("POST")) {
            return disconnects.placeDisconnect(type, request.body(), request.path());
        }
        if (resource.equals("disconnects") && id != null && method.equals("GET")) {
            return disconnects.readDisconnect(id);
        }
        return Answer.responseStatus(405, "ResponseStatus", "405", method + " is not allowed on " + request.path());
    }

    /**
     * {@code GET /_sim/failures} describes the switches; {@code POST /_sim/failures?on=order_failed},
     * {@code ?off=order_failed}, {@code ?throttle=3} (or {@code always}, {@code 0}) and {@code ?clear} change them.
     */
    private void admin(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = QueryParams.parse(exchange.getRequestURI().getRawQuery());
            if (exchange.getRequestMethod().equals("POST")) {
                try {
                    changeFailures(params);
                } catch (IllegalArgumentException e) {
                    send(exchange, Answer.text(400, e.getMessage() + "\n"));
                    return;
                }
            } else if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, Answer.text(405, "GET or POST\n"));
                return;
            }
            send(exchange, Answer.text(200, failures.describe()));
        }
    }

    private void changeFailures(Map<String, String> params) {
        if (params.containsKey("clear")) {
            failures.clear();
        }
        if (params.containsKey("on")) {
            failures.switchOn(failure(params.get("on")));
        }
        if (params.containsKey("off")) {
            failures.switchOff(failure(params.get("off")));
        }
        if (params.containsKey("throttle")) {
            String value = params.get("throttle");
            try {
                failures.throttle(value.equalsIgnoreCase("always") ? Failures.ALWAYS : Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("throttle must be a count or 'always', got '" + value + "'");
            }
        }
    }

    private static Failure failure(String name) {
        return Failure.fromWireName(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown failure '" + name + "'; known: " + List.of(Failure.values()).stream()
                        .map(Failure::wireName).toList()));
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
        requests.addLast(request);
        while (requests.size() > KEPT_REQUESTS) {
            requests.pollFirst();
        }
        return request;
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.type());
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (answer.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"bandwidth-simulator\"");
        }
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
