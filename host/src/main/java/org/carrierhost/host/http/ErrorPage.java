package org.carrierhost.host.http;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders the failures Jetty answers itself, before a request reaches the router (headers too large, a
 * malformed request line, a body that arrives too slowly), in the standard error shape. Never a stack
 * trace.
 *
 * <p>Thread-safe: stateless but for the shared, thread-safe mapper.
 */
final class ErrorPage extends ErrorHandler {

    private final ObjectMapper json;

    ErrorPage(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : 500;
        Object message = request.getAttribute(ERROR_MESSAGE);
        ApiError error = ApiError.of(status, wireName(status), summary(status), message == null ? null : message.toString());
        byte[] body = json.writeValueAsBytes(error.body());
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiResponse.JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(ApiHandler.REQUEST_ID, ApiHandler.requestId(request));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (request.getConnectionMetaData().isSecure()) {
            // Failures before the request is customized (431, say) get no HSTS from Jetty's customizer.
            response.getHeaders().put(HttpHeader.STRICT_TRANSPORT_SECURITY, "max-age=" + ApiServer.HSTS_MAX_AGE_SECONDS);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static String wireName(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413, 414, 431 -> "too_large";
            case 503 -> "unavailable";
            default -> status < 500 ? "invalid" : "internal";
        };
    }

    private static String summary(int status) {
        return switch (status) {
            case 408 -> "the request did not arrive in time";
            case 413 -> "request body is too large";
            case 414 -> "request URI is too long";
            case 431 -> "request headers are too large";
            case 503 -> "the host is busy: every worker is serving and this request waited its turn too long; retry shortly";
            default -> status < 500 ? "malformed request" : "internal error; see the host's log";
        };
    }
}
