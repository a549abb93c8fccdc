package org.carrierhost.host.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.manager.AcquireRequest;
import org.carrierhost.host.manager.CarrierManager;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchVocabulary;
import org.carrierhost.api.NumberType;
import org.carrierhost.api.SearchFilters;

/**
 * {@code /api/numbers}: search, read (with history), acquire, disconnect, activate, move, check and stock import;
 * and {@code /api/states}, the table of moves they obey.
 *
 * <p>Thread-safe: the manager is.
 */
public final class NumberRoutes {

    private static final int MAX_CHECK = 10_000;
    /** The parameters of a search; any other is refused, named, rather than silently ignored. */
    private static final java.util.Set<String> SEARCH_PARAMETERS = java.util.Set.of("prefix", "quantity", "offset", "country",
            "carriers", "blocks", "toll_free", "account_id", "area_code", "starts_with", "contains", "ends_with", "locality",
            "region", "postal_code", "rate_center", "type", "features", "exact");

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
            request.onlyQuery(SEARCH_PARAMETERS);
            SearchFilters filters = SearchVocabulary.read(request::query);
            SearchRequest search = new SearchRequest(
                    request.query("prefix").orElse(null),
                    request.queryInt("quantity", 10),
                    request.queryInt("offset", 0),
                    request.query("country").orElse(null),
                    request.query("carriers").map(c -> Arrays.stream(c.split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList()).orElse(List.of()),
                    request.queryInt("blocks", 0),
                    filters.type() == NumberType.TOLL_FREE,
                    request.query("account_id").orElse(null), filters);
            return ApiResponse.ok(SearchAnswer.of(manager.find(search)));
        }));
        server.route(Route.of("POST", "/api/numbers/check", Role.VIEWER, request -> {
            List<String> raw = request.json(NumbersBody.class).texts();
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
            if (isCsv(request)) {
                return importCsv(request);
            }
            ImportBody body = request.json(ImportBody.class);
            return ApiResponse.ok(ImportAnswer.of(manager.importStock(body.carrierId(), body.entries(), body.target(), request.actor())));
        }).withMaxBody(maxBodyBytes));
        server.route(Route.of("GET", "/api/numbers/{number}", Role.VIEWER, request -> {
            String number = request.parameter("number");
            return ApiResponse.ok(NumberAnswer.of(manager.get(number), manager.history(number)));
        }));
        server.route(Route.of("POST", "/api/numbers/{number}/acquire", Role.OPERATOR, request -> {
            AcquireRequest acquire = request.json(AcquireBody.class).toRequest();
            NumberRecord answered = manager.acquire(request.parameter("number"), acquire, request.actor());
            return ApiResponse.ok(acquire.dryRun() ? DryRunAnswer.of(answered) : NumberAnswer.of(answered));
        }));
        server.route(Route.of("POST", "/api/numbers/{number}/disconnect", Role.OPERATOR,
                request -> ApiResponse.ok(NumberAnswer.of(manager.disconnect(request.parameter("number"), request.actor())))));
        server.route(Route.of("POST", "/api/numbers/{number}/activate", Role.OPERATOR, request -> ApiResponse.ok(NumberAnswer.of(
                manager.activate(request.parameter("number"), request.json(MoveBody.class).accountId(), request.actor())))));
        server.route(Route.of("POST", "/api/numbers/{number}/move", Role.OPERATOR, request -> {
            MoveBody body = request.json(MoveBody.class);
            return ApiResponse.ok(NumberAnswer.of(manager.moveTo(request.parameter("number"), body.target(), body.accountId(),
                    request.actor())));
        }));
        server.route(Route.of("GET", "/api/states", Role.VIEWER, request -> ApiResponse.ok(StatesAnswer.of())));
    }

    private static boolean isCsv(ApiRequest request) {
        return request.header("Content-Type").map(type -> type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("text/csv"))
                .orElse(false);
    }

    /** An import given as CSV, its carrier and state in the query; a bad column or value refuses all of it, named. */
    private ApiResponse importCsv(ApiRequest request) {
        request.onlyQuery(java.util.Set.of("carrier", "state"));
        String carrier = request.query("carrier").orElseThrow(() -> StandardException.of(ErrorCode.INVALID,
                "carrier is required", "a CSV import names it in the query: POST /api/numbers/import?carrier=local"));
        NumberState state = new ImportBody(carrier, null, request.query("state").orElse(null)).target();
        return ApiResponse.ok(ImportAnswer.of(manager.importStock(carrier, CsvStock.parse(request.body()), state, request.actor())));
    }
}
