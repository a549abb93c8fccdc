package org.carrierhost.host.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one place requests are routed: finds the route, checks the bearer token and role, runs the handler,
 * and renders every failure, a route's {@link StandardException}, an unknown route (404), a wrong method
 * (405) or anything unexpected (500, logged with the request id, never a stack trace to the client), in the
 * standard error shape. Each request gets a request id, answered as {@code X-Request-Id}; {@code HEAD} is
 * answered as {@code GET} without the body. A {@link StreamingBody} (the event stream) is handed the response
 * and completes it later, holding no thread meanwhile.
 *
 * <p>Thread-safe: the routes are fixed at construction; every request's state is on its own thread.
 */
final class ApiHandler extends Handler.Abstract {

    static final String REQUEST_ID = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
    private static final Logger accessLog = LoggerFactory.getLogger("org.carrierhost.host.http.access");
    private static final Pattern GIVEN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final List<Route> routes;
    private final AccessTokens tokens;
    private final AuthThrottle throttle = new AuthThrottle();
    private final ObjectMapper json;
    private final boolean logAccess;
    private final HttpObserver observer;

    ApiHandler(List<Route> routes, AccessTokens tokens, ObjectMapper json, boolean logAccess, HttpObserver observer) {
        this.routes = List.copyOf(routes);
        this.tokens = tokens;
        this.json = json;
        this.logAccess = logAccess;
        this.observer = observer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long began = System.nanoTime();
        String id = requestId(request);
        String method = request.getMethod();
        String path = request.getHttpURI().getDecodedPath();
        Outcome outcome = new Outcome();
        ApiResponse answer;
        try {
            answer = dispatch(request, method.equals("HEAD") ? "GET" : method, path, outcome);
        } catch (StandardException e) {
            answer = error(ApiError.of(e.error().bounded()));
        } catch (Exception | LinkageError e) {
            log.error("request {} {} {} failed", id, method, path, e);
            answer = internal(id);
        }
        write(response, callback, answer, id);
        observer.answered(method, outcome.route == null ? HttpObserver.UNMATCHED : outcome.route.pattern(), answer.status(),
                System.nanoTime() - began);
        if (logAccess) {
            accessLog.info("{} {} {} {} {}ms {} id={}", method, outcome.route == null ? path : outcome.route.pattern(),
                    answer.status(), outcome.actor, (System.nanoTime() - began) / 1_000_000, Request.getRemoteAddr(request), id);
        }
        return true;
    }

    private ApiResponse dispatch(Request request, String method, String path, Outcome outcome) throws Exception {
        List<String> segments = Route.split(path);
        List<Route> shaped = new ArrayList<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(segments);
            if (parameters.isEmpty()) {
                continue;
            }
            if (!route.method().equals(method)) {
                shaped.add(route);
                continue;
            }
            outcome.route = route;
            Principal principal = authorize(request, route);
            outcome.actor = principal == null ? "anonymous" : principal.actor();
            return route.handler().handle(new ApiRequest(request, parameters.get(), principal, route.maxBodyBytes(), json));
        }
        if (!shaped.isEmpty()) {
            String allowed = shaped.stream().map(Route::method).distinct().collect(Collectors.joining(", "));
            ApiResponse refused = error(ApiError.of(405, "method_not_allowed", "method " + StandardError.bounded(method, 40) + " is not allowed here",
                    "allowed: " + allowed));
            return new ApiResponse(405, refused.body(), ApiResponse.JSON, Map.of("Allow", allowed));
        }
        throw StandardException.of(ErrorCode.NOT_FOUND, "no such route: " + StandardError.bounded(method, 40) + " " + shorten(path));
    }

    private Principal authorize(Request request, Route route) {
        if (route.role() == null) {
            return null;
        }
        String client = Request.getRemoteAddr(request);
        throttle.check(client);
        Principal principal = tokens.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION)).orElse(null);
        throttle.record(client, principal != null);
        if (principal == null) {
            String needed = route.role().name().toLowerCase(Locale.ROOT);
            String covering = java.util.Arrays.stream(Role.values()).filter(r -> r.covers(route.role()))
                    .map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            throw StandardException.of(ErrorCode.UNAUTHORIZED, "missing or wrong token: this needs a " + needed + " token",
                    "send Authorization: Bearer <token> with a token of role " + covering);
        }
        if (!principal.role().covers(route.role())) {
            throw StandardException.of(ErrorCode.FORBIDDEN, "token '" + principal.name() + "' may not do this",
                    "it has role " + principal.role().name().toLowerCase(Locale.ROOT) + "; this needs "
                            + route.role().name().toLowerCase(Locale.ROOT));
        }
        return principal;
    }

    private static String shorten(String path) {
        return path.length() <= 200 ? path : path.substring(0, 200) + "...";
    }

    static ApiResponse error(ApiError error) {
        return ApiResponse.json(error.code(), error.body());
    }

    private void write(Response response, Callback callback, ApiResponse answer, String id) {
        if (answer.body() instanceof StreamingBody stream) {
            response.setStatus(answer.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put(REQUEST_ID, id);
            answer.headers().forEach(response.getHeaders()::put);
            stream.open(response, callback);
            return;
        }
        byte[] body;
        try {
            body = answer.body() instanceof byte[] bytes ? bytes : json.writeValueAsBytes(answer.body());
        } catch (Exception e) {
            log.error("request {}: cannot write the answer", id, e);
            answer = internal(id);
            body = standardError(answer);
        }
        response.setStatus(answer.status());
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put(REQUEST_ID, id);
        answer.headers().forEach(headers::put);
        if (answer.status() == 401) {
            headers.put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"carrier-host\"");
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static ApiResponse internal(String id) {
        return error(ApiError.of(500, "internal", "internal error; see the host's log for request " + id, null));
    }

    /** The standard error's bytes; a record of strings always writes, and if not, Jetty's {@link ErrorPage} answers. */
    private byte[] standardError(ApiResponse error) {
        try {
            return json.writeValueAsBytes(error.body());
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the standard error", e);
        }
    }

    /** The caller's {@code X-Request-Id} when it is a plain token, else a new one. */
    static String requestId(Request request) {
        String given = request.getHeaders().get(REQUEST_ID);
        if (given != null && GIVEN_ID.matcher(given).matches()) {
            return given;
        }
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    /** What the access log says of a request: its route and actor, once known. */
    private static final class Outcome {
        Route route;
        String actor = "anonymous";
    }
}
