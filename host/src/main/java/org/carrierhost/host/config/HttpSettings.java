package org.carrierhost.host.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP server's settings ({@code http.*}); each is documented in {@link Settings}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param port           {@code http.port}; 0 picks a free port
 * @param bind           {@code http.bind}
 * @param threads        {@code http.threads}: requests served at once
 * @param maxBodyBytes   {@code http.max_body_bytes}: the largest stock import or check body
 * @param maxHeaderBytes {@code http.max_header_bytes}: the request line and headers together; larger is answered 431
 * @param idleTimeout    {@code http.idle_timeout_ms}: a connection that sends nothing for this long is closed
 * @param readTimeout    {@code http.read_timeout_ms}: a request's headers must have arrived within this
 * @param minBodyRate    {@code http.min_body_rate}: bytes per second a request body must at least arrive at
 * @param requestTimeout {@code http.request_timeout_ms}: a whole request, body included, must have arrived within this
 * @param connectionsPerAddress {@code http.max_connections_per_address}: connections open at once from one address
 * @param requestsPerToken {@code http.max_requests_per_token}: one operator's or admin's requests in flight at once
 * @param requestsPerViewer {@code http.max_requests_per_viewer}: one viewer's requests in flight at once
 * @param drainTimeout   {@code http.drain_timeout_ms}: how long requests in flight may finish on stop
 * @param accessLog      {@code http.access_log}: one log line per request
 * @param tls            {@code http.tls.*}, when HTTPS is served
 * @param streams        the event stream's bounds and the sockets' send buffer
 */
public record HttpSettings(int port, String bind, int threads, long maxBodyBytes, int maxHeaderBytes, Duration idleTimeout,
                           Duration readTimeout, long minBodyRate, Duration requestTimeout, int connectionsPerAddress,
                           int requestsPerToken, int requestsPerViewer, Duration drainTimeout, boolean accessLog,
                           Optional<TlsSettings> tls, StreamSettings streams) {

    static HttpSettings from(HostConfiguration values) {
        return new HttpSettings(values.get(Settings.HTTP_PORT), values.get(Settings.HTTP_BIND), values.get(Settings.HTTP_THREADS),
                values.get(Settings.HTTP_MAX_BODY_BYTES), values.get(Settings.HTTP_MAX_HEADER_BYTES),
                values.get(Settings.HTTP_IDLE_TIMEOUT), values.get(Settings.HTTP_READ_TIMEOUT),
                values.get(Settings.HTTP_MIN_BODY_RATE), values.get(Settings.HTTP_REQUEST_TIMEOUT),
                values.get(Settings.HTTP_MAX_CONNECTIONS_PER_ADDRESS), values.get(Settings.HTTP_MAX_REQUESTS_PER_TOKEN),
                values.get(Settings.HTTP_MAX_REQUESTS_PER_VIEWER),
                values.get(Settings.HTTP_DRAIN_TIMEOUT),
                values.get(Settings.HTTP_ACCESS_LOG), TlsSettings.from(values), StreamSettings.from(values));
    }
}
