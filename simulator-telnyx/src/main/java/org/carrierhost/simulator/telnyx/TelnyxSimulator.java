package org.carrierhost.simulator.telnyx;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * A stand-in for the Telnyx Numbers API v2 on Jetty 12: {@code GET /v2/available_phone_numbers},
 * {@code POST /v2/number_orders}, {@code GET /v2/number_orders} (by {@code filter[customer_reference]}),
 * {@code GET /v2/number_orders/{id}}, {@code POST /v2/number_reservations}, {@code GET /v2/number_reservations/{id}},
 * {@code POST /v2/number_reservations/{id}/actions/extend}, {@code GET /v2/phone_numbers} (by
 * {@code filter[phone_number]}, matched partially; paged by {@code page[number]} and {@code page[size]}, at most
 * {@value #MAX_PAGE_SIZE} a page) and
 * {@code DELETE /v2/phone_numbers/{id}}, behind a Bearer key, in the shapes of Telnyx's published spec; and
 * {@code /_sim/failures} (no key; a local test tool) to switch variants and errors on and off.
 *
 * <p>Thread-safe: Jetty runs requests on a small bounded pool; the inventory, orders, reservations, switches and
 * the request log are each thread-safe.
 */
public final class TelnyxSimulator implements AutoCloseable {

    private static final int KEPT_REQUESTS = 500;
    private static final int THREADS = 8;
    private static final int MAX_PAGE_SIZE = 250;
    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final Pattern API = Pattern.compile(
            "/v2/(available_phone_numbers|number_orders|number_reservations|phone_numbers)(?:/([^/]+)(/actions/extend)?)?/?");

    /**
     * One API request received.
     *
     * @param method the HTTP method
     * @param path   the path
     * @param params the decoded query parameters
     * @param body   the body
     */
    public record Received(String method, String path, Map<String, String> params, String body) {
    }

    private final TelnyxSimulatorSettings settings;
    private final Switches switches = new Switches();
    private final Inventory inventory = Inventory.defaults();
    private final OrderBook orders;
    private final ReservationDesk reservations;
    private final Deque<Received> requests = new ConcurrentLinkedDeque<>();
    private final Server server;
    private final ServerConnector connector;

    private TelnyxSimulator(TelnyxSimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.orders = new OrderBook(inventory, switches, settings.pollsUntilSettled());
        this.reservations = new ReservationDesk(inventory);
        QueuedThreadPool pool = new QueuedThreadPool(THREADS, 2);
        pool.setName("telnyx-simulator");
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
                send(response, callback, serve(request));
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("cannot start the Telnyx simulator on " + settings.bind() + ":" + settings.port(), e);
        }
    }

    /** Starts a simulator; {@link #baseUrl()} tells where. */
    public static TelnyxSimulator start(TelnyxSimulatorSettings settings) throws IOException {
        return new TelnyxSimulator(settings);
    }

    /** The API root a carrier's {@code base_url} should be, for example {@code http://127.0.0.1:9091/v2}. */
    public String baseUrl() {
        String host = connector.getHost().contains(":") ? "[" + connector.getHost() + "]" : connector.getHost();
        return "http://" + host + ":" + connector.getLocalPort() + "/v2";
    }

    public TelnyxSimulatorSettings settings() {
        return settings;
    }

    public Switches switches() {
        return switches;
    }

    public Inventory inventory() {
        return inventory;
    }

    /** The API requests received, oldest first (the last {@value #KEPT_REQUESTS}). */
    public List<Received> requests() {
        return new ArrayList<>(requests);
    }

    /** How many API requests with {@code method} had exactly {@code path}. */
    public long count(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    /** The last API request received. */
    public Received lastRequest() {
        Received last = requests.peekLast();
        if (last == null) {
            throw new IllegalStateException("no request received yet");
        }
        return last;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the Telnyx simulator: " + e, e);
        }
    }

    private Reply serve(Request http) {
        String path = http.getHttpURI().getPath();
        Map<String, String> params = params(http.getHttpURI().getQuery());
        if (path.startsWith("/_sim/failures")) {
            return SwitchRoute.answer(switches, http.getMethod(), params);
        }
        if (!path.startsWith("/v2/")) {
            return Reply.text(404, "No resource at " + path + "\n");
        }
        String body;
        try {
            body = Content.Source.asString(http, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return TelnyxErrorTable.reply("10015", "the request body could not be read", "/");
        }
        Received request = new Received(http.getMethod(), path, params, body);
        requests.addLast(request);
        while (requests.size() > KEPT_REQUESTS) {
            requests.pollFirst();
        }
        String auth = http.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (!("Bearer " + settings.apiKey()).equals(auth)) {
            return TelnyxErrorTable.reply("10009", "Could not understand the provided credentials.", null);
        }
        Optional<Switches.Throttled> throttled = switches.consumeThrottle();
        if (throttled.isPresent()) {
            long ahead = throttled.get().resetSecs() >= 0 ? throttled.get().resetSecs() : settings.rateLimitResetSecs();
            long reset = throttled.get().form() == Switches.ResetForm.SECONDS ? ahead : Instant.now().getEpochSecond() + ahead;
            Reply limited = TelnyxErrorTable.reply("10011", "Too many requests; slow down.", null);
            return new Reply(429, limited.body(), Map.of("x-ratelimit-reset", String.valueOf(reset),
                    "x-ratelimit-limit", "20", "x-ratelimit-remaining", "0"));
        }
        Optional<String> error = switches.error();
        if (error.isPresent()) {
            Reply reply = TelnyxErrorTable.reply(error.get(), "switched on at /_sim/failures", null);
            return reply.status() == 429 ? new Reply(429, reply.body(), Map.of("x-ratelimit-reset",
                    String.valueOf(settings.rateLimitResetSecs()))) : reply;
        }
        return route(request);
    }

    private Reply route(Received request) {
        Matcher m = API.matcher(request.path());
        if (!m.matches()) {
            return TelnyxErrorTable.reply("10005", "No resource at " + request.path(), null);
        }
        String resource = m.group(1);
        String id = m.group(2);
        String method = request.method();
        return switch (resource + (id == null ? "" : "/{id}") + (m.group(3) == null ? "" : m.group(3)) + " " + method) {
            case "available_phone_numbers GET" -> new Search(inventory, switches).answer(request.params());
            case "number_orders POST" -> placeOrder(request.body());
            case "number_orders GET" -> list(orders.byReference(request.params().get("filter[customer_reference]")));
            case "number_orders/{id} GET" -> orders.read(id).map(o -> Reply.json(200, Map.of("data", o)))
                    .orElseGet(() -> TelnyxErrorTable.reply("10005", "number order " + id + " not found", null));
            case "number_reservations POST" -> reservations.reserve(request.body());
            case "number_reservations/{id} GET" -> reservations.read(id);
            case "number_reservations/{id}/actions/extend POST" -> reservations.extend(id);
            case "phone_numbers GET" -> page(inventory.heldMatching(request.params().getOrDefault("filter[phone_number]", ""))
                    .stream().map(TelnyxSimulator::shown).toList(), request.params());
            case "phone_numbers/{id} DELETE" -> inventory.delete(id).map(h -> Reply.json(200, Map.of("data", shown(h))))
                    .orElseGet(() -> TelnyxErrorTable.reply("10005", "phone number " + id + " not found", null));
            default -> TelnyxErrorTable.reply("10005", method + " " + request.path() + " is not served here", null);
        };
    }

    private Reply placeOrder(String body) {
        Optional<NumbersRequested> requested = NumbersRequested.parse(body);
        if (requested.isEmpty()) {
            return TelnyxErrorTable.reply("10015", "must be present", "/phone_numbers");
        }
        NumbersRequested order = requested.get();
        for (int i = 0; i < order.numbers().size(); i++) {
            if (!order.numbers().get(i).matches("\\+[1-9][0-9]{6,14}")) {
                return TelnyxErrorTable.reply("10016", "'" + order.numbers().get(i) + "' is not +E.164", "/phone_numbers/" + i + "/phone_number");
            }
        }
        List<String> missing = new ArrayList<>();
        Optional<Map<String, Object>> placed = orders.place(order.numbers(), order.text("customer_reference"),
                order.text("connection_id"), order.text("messaging_profile_id"), missing);
        if (placed.isEmpty()) {
            return TelnyxErrorTable.reply("85000", missing.get(0) + " is not available for purchase", "/phone_numbers");
        }
        if (switches.isOn(TelnyxSwitch.ORDER_POST_5XX)) {
            return TelnyxErrorTable.reply("10007", "An unexpected error occurred.", null);
        }
        return Reply.json(200, Map.of("data", placed.get()));
    }

    /** One page of {@code all} by {@code page[number]} (from 1) and {@code page[size]} (1 to 250, default 20), with its {@code meta}. */
    private static Reply page(List<?> all, Map<String, String> params) {
        int number;
        int size;
        try {
            number = Integer.parseInt(params.getOrDefault("page[number]", "1"));
            size = Integer.parseInt(params.getOrDefault("page[size]", String.valueOf(DEFAULT_PAGE_SIZE)));
        } catch (NumberFormatException e) {
            return TelnyxErrorTable.reply("10015", "page[number] and page[size] must be whole numbers", null);
        }
        if (number < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            return TelnyxErrorTable.reply("10015", "page[number] must be at least 1 and page[size] 1 to " + MAX_PAGE_SIZE, null);
        }
        int from = (int) Math.min(all.size(), (long) (number - 1) * size);
        List<?> data = all.subList(from, Math.min(all.size(), from + size));
        int pages = Math.max(1, (all.size() + size - 1) / size);
        return Reply.json(200, Map.of("data", data, "meta", Map.of("page_number", number, "page_size", size,
                "total_pages", pages, "total_results", all.size())));
    }

    private static Reply list(List<?> data) {
        return Reply.json(200, Map.of("data", data, "meta", Map.of("page_number", 1, "page_size", Math.max(20, data.size()),
                "total_pages", 1, "total_results", data.size())));
    }

    private static Map<String, Object> shown(Inventory.Held number) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", number.id());
        shown.put("record_type", "phone_number");
        shown.put("phone_number", number.e164());
        shown.put("status", number.status());
        shown.put("tags", List.of());
        shown.put("connection_id", number.connectionId());
        shown.put("customer_reference", number.customerReference());
        shown.put("phone_number_type", number.e164().startsWith("+18") ? "toll_free" : "local");
        return shown;
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void send(Response response, Callback callback, Reply reply) {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
