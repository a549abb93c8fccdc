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
import org.carrierhost.host.config.HttpSettings;
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
    private final AuthThrottle throttle;
    private final ObjectMapper json;
    private final boolean logAccess;
    private final HttpObserver observer;
    private final HttpSettings limits;
    private final TokenRequests perToken;

    ApiHandler(List<Route> routes, AccessTokens tokens, AuthThrottle throttle, ObjectMapper json, HttpSettings limits,
               HttpObserver observer) {
        this.throttle = throttle;
        this.routes = List.copyOf(routes);
        this.tokens = tokens;
        this.json = json;
        this.logAccess = limits.accessLog();
        this.observer = observer;
        this.limits = limits;
        this.perToken = new TokenRequests(limits.requestsPerToken(), limits.requestsPerViewer());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, callback);
        Matched matched;
        try {
            matched = match(request, exchange.method.equals("HEAD") ? "GET" : exchange.method, exchange.path, exchange.outcome);
        } catch (StandardException e) {
            exchange.answer(error(ApiError.of(e.error().bounded())));
            return true;
        } catch (Exception | LinkageError e) {
            exchange.answer(exchange.failed(e));
            return true;
        }
        if (matched.refused != null) {
            exchange.answer(matched.refused);
            return true;
        }
        TokenRequests.Slot slot;
        try {
            slot = matched.principal == null ? null : perToken.take(matched.principal);
        } catch (StandardException e) {
            exchange.answer(error(ApiError.of(e.error().bounded())));
            return true;
        }
        if (!BodyRead.hasBody(request)) {
            exchange.run(matched, new byte[0], slot);
            return true;
        }
        BodyRead.read(request, matched.route.maxBodyBytes(), limits.minBodyRate(), limits.requestTimeout(), new BodyRead.Outcome() {
            @Override
            public void read(byte[] body) {
                exchange.run(matched, body, slot);
            }

            @Override
            public void refused(ApiError why) {
                if (slot != null) {
                    slot.release();
                }
                ApiResponse refused = error(why);
                exchange.answer(new ApiResponse(refused.status(), refused.body(), refused.contentType(), Map.of("Connection", "close")));
            }
        });
        return true;
    }

    /** The route a request matched, with its parameters and caller; or the answer refusing it (405). */
    private record Matched(Route route, Map<String, String> parameters, Principal principal, ApiResponse refused) {
    }

    private Matched match(Request request, String method, String path, Outcome outcome) {
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
            return new Matched(route, parameters.get(), principal, null);
        }
        if (!shaped.isEmpty()) {
            String allowed = shaped.stream().map(Route::method).distinct().collect(Collectors.joining(", "));
            ApiResponse refused = error(ApiError.of(405, "method_not_allowed", "method " + StandardError.bounded(method, 40) + " is not allowed here",
                    "allowed: " + allowed));
            return new Matched(null, Map.of(), null, new ApiResponse(405, refused.body(), ApiResponse.JSON, Map.of("Allow", allowed)));
        }
        throw StandardException.of(ErrorCode.NOT_FOUND, "no such route: " + StandardError.bounded(method, 40) + " " + shorten(path));
    }

    /** One request on its way through: what it is, and how it is answered, logged and observed once. */
    private final class Exchange {
        final long began = System.nanoTime();
        final Request request;
        final Response response;
        final Callback callback;
        final String id;
        final String method;
        final String path;
        final Outcome outcome = new Outcome();

        Exchange(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.id = requestId(request);
            this.method = request.getMethod();
            this.path = request.getHttpURI().getDecodedPath();
        }

        /** Runs the matched route's handler on {@code body} and answers; gives the token's slot back once it returns. */
        void run(Matched matched, byte[] body, TokenRequests.Slot slot) {
            ApiResponse answer;
            try {
                answer = matched.route.handler().handle(new ApiRequest(request, matched.parameters, matched.principal,
                        matched.route.maxBodyBytes(), json, body));
            } catch (StandardException e) {
                answer = error(ApiError.of(e.error().bounded()));
            } catch (Exception | LinkageError e) {
                answer = failed(e);
            } finally {
                if (slot != null) {
                    slot.release();
                }
            }
            answer(answer);
        }

        ApiResponse failed(Throwable e) {
            log.error("request {} {} {} failed", id, method, path, e);
            return internal(id);
        }

        void answer(ApiResponse answer) {
            write(response, callback, answer, id);
            observer.answered(method, outcome.route == null ? HttpObserver.UNMATCHED : outcome.route.pattern(), answer.status(),
                    System.nanoTime() - began);
            if (logAccess) {
                accessLog.info("{} {} {} {} {}ms {} id={}", method, outcome.route == null ? path : outcome.route.pattern(),
                        answer.status(), outcome.actor, (System.nanoTime() - began) / 1_000_000, Request.getRemoteAddr(request), id);
            }
        }
    }

    private Principal authorize(Request request, Route route) {
        if (route.role() == null) {
            return null;
        }
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        Principal principal = tokens.authenticate(authorization).orElse(null);
        if (principal == null) {
            if (authorization != null) {
                boolean judged = false;
                try {
                    throttle.wrong(Request.getRemoteAddr(request));
                    judged = true;
                } finally {
                    observer.wrongToken(judged);
                }
            }
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
