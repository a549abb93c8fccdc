package org.carrierhost.simulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A stand-in for the Bandwidth numbers API on Jetty 12, the server the host runs on. It serves
 * {@code /api/accounts/{account}/availableNumbers}, {@code /orders}, {@code /orders/{id}},
 * {@code /disconnects} and {@code /disconnects/{id}} behind Basic auth, and {@code /_sim/failures} (no
 * auth; it is a local test tool) to switch failures on and off.
 *
 * <p>Thread-safe: Jetty runs requests on a small bounded pool; the stock, orders, switches and the request
 * log are each thread-safe.
 */
public final class BandwidthSimulator implements AutoCloseable {

    private static final int KEPT_REQUESTS = 500;
    private static final Pattern API = Pattern.compile("/api/accounts/([^/]+)/(availableNumbers|orders|disconnects|tnreservation|inserviceNumbers)(?:/([^/]+))?/?");

    private final SimulatorSettings settings;
    private final Failures failures = new Failures();
    private final Stock stock;
    private final SearchEndpoint search;
    private final OrderDesk orders;
    private final DisconnectDesk disconnects;
    private final ReservationDesk reservations;
    private final InServiceList inService;
    private final Deque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();
    private final String expectedAuth;
    /** Jetty's acceptor and selector take two threads of the pool; the rest serve requests. */
    private static final int THREADS = 8;

    private final Server server;
    private final ServerConnector connector;

    private BandwidthSimulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.stock = new Stock(settings.stock());
        this.search = new SearchEndpoint(stock, failures);
        this.orders = new OrderDesk(stock, failures, settings.pollsUntilComplete());
        this.disconnects = new DisconnectDesk(stock, failures, settings.pollsUntilComplete());
        this.reservations = new ReservationDesk(stock, settings.account());
        this.inService = new InServiceList(stock);
        this.expectedAuth = "Basic " + Base64.getEncoder().encodeToString(
                (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        QueuedThreadPool pool = new QueuedThreadPool(THREADS, 2);
        pool.setName("bandwidth-simulator");
        pool.setDaemon(true);
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return serve(request, response, callback);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot start the simulator on " + settings.bind() + ":" + settings.port(), e);
        }
    }

    /** Starts a simulator; {@link #port()} tells the port it got. */
    public static BandwidthSimulator start(SimulatorSettings settings) throws IOException {
        return new BandwidthSimulator(settings);
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The API base URL a carrier's {@code base_url} should be, for example {@code http://127.0.0.1:9090/api}. */
    public String baseUrl() {
        String host = connector.getHost();
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
    /** How many number reservations are live. */
    public long liveReservations() {
        return reservations.live();
    }

    /** Makes new number reservations last {@code lifetime} instead of Bandwidth's four hours. */
    public void reservationLifetime(java.time.Duration lifetime) {
        reservations.lifetime(lifetime);
    }

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
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the simulator: " + e, e);
        }
    }

    /** {@code /api/...} and {@code /_sim/failures}; any other path is answered 404. */
    private boolean serve(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getPath();
        Answer answer;
        try {
            if (path.startsWith("/api/")) {
                answer = route(record(request, path));
            } else if (path.startsWith("/_sim/failures")) {
                answer = admin(request);
            } else {
                answer = Answer.text(404, "No resource at " + path + "\n");
            }
        } catch (IOException e) {
            answer = Answer.text(400, "cannot read the request: " + e.getMessage() + "\n");
        }
        send(response, callback, answer);
        return true;
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
        if (resource.equals("tnreservation")) {
            return id == null ? method.equals("POST") ? reservations.reserve(type, request.body(), request.path()) : notAllowed(request)
                    : method.equals("GET") ? reservations.read(id) : method.equals("DELETE") ? reservations.delete(id) : notAllowed(request);
        }
        if (resource.equals("inserviceNumbers") && id == null && method.equals("GET")) {
            return inService.page(request.params(), request.path());
        }
        return notAllowed(request);
    }

    private static Answer notAllowed(RecordedRequest request) {
        return Answer.responseStatus(405, "ResponseStatus", "405", request.method() + " is not allowed on " + request.path());
    }

    /**
     * {@code GET /_sim/failures} describes the switches; {@code POST /_sim/failures?on=order_failed},
     * {@code ?off=order_failed}, {@code ?throttle=3} (or {@code always}, {@code 0}) and {@code ?clear} change them.
     */
    private Answer admin(Request request) {
        Map<String, String> params = QueryParams.parse(request.getHttpURI().getQuery());
        if (request.getMethod().equals("POST")) {
            try {
                changeFailures(params);
            } catch (IllegalArgumentException e) {
                return Answer.text(400, e.getMessage() + "\n");
            }
        } else if (!request.getMethod().equals("GET")) {
            return Answer.text(405, "GET or POST\n");
        }
        return Answer.text(200, failures.describe());
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

    private RecordedRequest record(Request http, String path) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : http.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field.getValue());
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        String body = Content.Source.asString(http, StandardCharsets.UTF_8);
        RecordedRequest request = new RecordedRequest(http.getMethod(), path, http.getHttpURI().getQuery(), headers, body);
        requests.addLast(request);
        while (requests.size() > KEPT_REQUESTS) {
            requests.pollFirst();
        }
        return request;
    }

    private static void send(Response response, Callback callback, Answer answer) {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.type());
        answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        if (answer.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"bandwidth-simulator\"");
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
