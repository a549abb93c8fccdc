package org.carrierhost.host.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.manager.AcquireRequest;
import org.carrierhost.host.manager.CarrierManager;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchResponse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /api/numbers}: search, read (with history), acquire, disconnect, check and stock import.
 *
 * <p>Thread-safe: the manager is.
 */
public final class NumberRoutes {

    private static final int MAX_CHECK = 10_000;

    private final CarrierManager manager;
    private final long maxBodyBytes;

    /**
     * @param maxBodyBytes the largest check or import body ({@code http.max_body_bytes})
     */
    public NumberRoutes(CarrierManager manager, long maxBodyBytes) {
        this.manager = manager;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Adds the routes to {@code server}. */
    public void register(ApiServer server) {
        server.route(Route.of("GET", "/api/numbers", Role.VIEWER, request -> {
            SearchRequest search = new SearchRequest(
                    request.query("prefix").orElseThrow(() -> StandardException.of(ErrorCode.INVALID,
                            "prefix is required", "for example ?prefix=415&quantity=10")),
                    request.queryInt("quantity", 10),
                    request.queryInt("offset", 0),
                    request.query("country").orElse(null),
                    request.query("carriers").map(c -> Arrays.stream(c.split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList()).orElse(List.of()),
                    request.queryInt("blocks", 0),
                    request.query("toll_free").map(Boolean::parseBoolean).orElse(false),
                    request.query("account_id").orElse(null));
            SearchResponse found = manager.find(search);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("numbers", found.numbers().stream().map(JsonViews::found).toList());
            body.put("errors", found.errors().stream().map(JsonViews::errorEntry).toList());
            return ApiResponse.ok(body);
        }));
        server.route(Route.of("POST", "/api/numbers/check", Role.VIEWER, request -> {
            List<String> raw = numbers(request.jsonBody());
            if (raw.size() > MAX_CHECK) {
                throw StandardException.of(ErrorCode.INVALID, "at most " + MAX_CHECK + " numbers per check",
                        "got " + raw.size());
            }
            Map<String, String> body = new LinkedHashMap<>();
            manager.check(raw).forEach((number, state) ->
                    body.put(number, state.map(NumberState::wireName).orElse("not_found")));
            return ApiResponse.ok(body);
        }).withMaxBody(maxBodyBytes));
        server.route(Route.of("POST", "/api/numbers/import", Role.OPERATOR, request -> {
            JsonNode body = request.jsonBody();
            String carrier = text(body, "carrier").orElseThrow(() -> StandardException.of(ErrorCode.INVALID,
                    "carrier is required", "body must be {\"carrier\": \"local\", \"numbers\": [...]}"));
            return ApiResponse.ok(JsonViews.importReport(manager.importNumbers(carrier, numbers(body), request.actor())));
        }).withMaxBody(maxBodyBytes));
        server.route(Route.of("GET", "/api/numbers/{number}", Role.VIEWER, request -> {
            String number = request.parameter("number");
            return ApiResponse.ok(JsonViews.number(manager.get(number), manager.history(number)));
        }));
        server.route(Route.of("POST", "/api/numbers/{number}/acquire", Role.OPERATOR, request -> {
            JsonNode body = request.jsonBody();
            AcquireRequest acquire = new AcquireRequest(text(body, "account_id").orElse(null),
                    flag(body, "dry_run"), text(body, "state").map(NumberRoutes::state).orElse(NumberState.IN_SERVICE),
                    text(body, "carrier").orElse(null));
            return ApiResponse.ok(JsonViews.number(manager.acquire(request.parameter("number"), acquire, request.actor())));
        }));
        server.route(Route.of("POST", "/api/numbers/{number}/disconnect", Role.OPERATOR,
                request -> ApiResponse.ok(JsonViews.number(manager.disconnect(request.parameter("number"), request.actor())))));
    }

    /** The body's {@code numbers} array, each entry as text (a JSON number as its digits). */
    private static List<String> numbers(JsonNode body) {
        JsonNode numbers = body.path("numbers");
        if (!numbers.isArray()) {
            throw StandardException.of(ErrorCode.INVALID, "body must have \"numbers\": [...]", null);
        }
        List<String> raw = new ArrayList<>(numbers.size());
        numbers.forEach(n -> raw.add(n.isTextual() ? n.asText() : n.toString()));
        return raw;
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw StandardException.of(ErrorCode.INVALID, field + " must be a string", "got " + node);
        }
        return Optional.of(node.asText());
    }

    private static boolean flag(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw StandardException.of(ErrorCode.INVALID, field + " must be true or false", "got " + node);
        }
        return node.asBoolean();
    }

    private static NumberState state(String name) {
        return NumberState.fromWireName(name).orElseThrow(() -> StandardException.of(ErrorCode.INVALID,
                "state must be in_service or reserved", "got '" + name + "'"));
    }
}
