package org.carrierhost.host.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.carrierhost.host.config.HttpSettings;
import org.carrierhost.host.config.TlsSettings;
import org.carrierhost.host.events.GuessingEvent;
import org.carrierhost.host.events.HostEvent;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP server, on Jetty 12's core API: the routes, a bounded worker pool, limits on header size, on
 * how long headers and bodies may take to arrive and on idle connections, HTTPS when a keystore is set,
 * HTTP/2 beside HTTP/1.1 (h2 by ALPN over TLS, h2c by prior knowledge on the plain port), and a graceful drain on stop.
 * {@link #bind} takes the port before anything else starts, so a port in use is found before any plugin loads.
 *
 * <p>Thread-safe: routes are added before {@link #start}; Jetty serves requests on its bounded pool.
 */
public final class ApiServer implements AutoCloseable {

    private static final String HTTP1 = "http/1.1";
    private static final String HTTP2 = "h2";
    /** Threads besides the workers: Jetty's acceptor and selectors. */
    private static final int ACCEPTORS = 1;
    private static final int SELECTORS = 2;
    /**
     * Threads no API request can take: the worker pool is this much larger than the {@code http.threads}
     * requests the {@link QoSHandler} lets run at once, and health, readiness and the event stream (which
     * holds no thread) go round it, so a pool filled by slow requests still answers health.
     */
    private static final int HEALTH_RESERVE = 8;
    /** How long browsers keep to HTTPS for this host: a year. */
    static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 3600;
    /** Readiness probes served at once; more wait their turn without a thread. */
    private static final int READINESS_AT_ONCE = 2;
    /** The readiness paths: they may wait on the database, so they get a queue of their own. */
    private static final String[] READINESS = {"/api/health/ready", "/readyz"};
    /** The paths that never queue behind API requests. */
    private static final String[] UNQUEUED = {"/api/health", "/api/health/ready", "/healthz", "/readyz", "/api/events/stream"};

    private final List<Route> routes = new ArrayList<>();
    private final List<AutoCloseable> beforeStop = new ArrayList<>();
    private final AccessTokens tokens;
    private final HttpSettings settings;
    private final ObjectMapper json;
    private Server server;
    private ScheduledExecutorScheduler scheduler;
    private ServerConnector connector;
    private boolean closed;
    private HttpObserver observer = HttpObserver.NONE;
    private final AuthThrottle throttle = new AuthThrottle();
    private Consumer<HostEvent> events = event -> { };

    public ApiServer(AccessTokens tokens, HttpSettings settings, ObjectMapper json) {
        this.tokens = tokens;
        this.settings = settings;
        this.json = json;
    }

    /** Adds a route; literal routes should be added before parameter routes of the same shape. */
    public ApiServer route(Route route) {
        routes.add(route);
        return this;
    }

    /** Closes {@code part} (open streams, say) when the server stops, before it drains requests in flight. */
    public ApiServer closeBeforeStop(AutoCloseable part) {
        beforeStop.add(part);
        return this;
    }

    /** Tells {@code observer} of every answered request (the HTTP metrics); set before {@link #start}. */
    public ApiServer observe(HttpObserver observer) {
        this.observer = java.util.Objects.requireNonNull(observer, "observer");
        return this;
    }

    /** Hands {@code sink} the host events the server raises (wrong tokens, summed up); set before {@link #start}. */
    public ApiServer raiseTo(Consumer<HostEvent> sink) {
        this.events = java.util.Objects.requireNonNull(sink, "sink");
        return this;
    }

    /** The routes, in the order they are matched. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * Takes {@code http.bind}:{@code http.port} (0 picks a free port) without serving yet.
     *
     * @throws PortInUseException when the address is taken
     */
    public void bind() {
        QueuedThreadPool pool = new QueuedThreadPool(settings.threads() + ACCEPTORS + SELECTORS + HEALTH_RESERVE, 4, 60_000);
        pool.setName("http");
        pool.setDaemon(true);
        server = new Server(pool);
        scheduler = new ScheduledExecutorScheduler("http-scheduler", true);
        server.addBean(scheduler);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(settings.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setMinRequestDataRate(settings.minBodyRate());
        http.setIdleTimeout(settings.idleTimeout().toMillis());
        List<ConnectionFactory> factories = new ArrayList<>();
        if (settings.tls().isPresent()) {
            // TLS, then ALPN choosing h2 or HTTP/1.1 (the default for a client that offers neither).
            SecureRequestCustomizer secure = new SecureRequestCustomizer(false);
            // HSTS on every answer over TLS, errors included: browsers never fall back to plain HTTP.
            secure.setStsMaxAge(HSTS_MAX_AGE_SECONDS);
            http.addCustomizer(secure);
            SslContextFactory.Server ssl = sslContext(settings.tls().get());
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(HTTP2 + "," + HTTP1);
            alpn.setDefaultProtocol(HTTP1);
            factories.add(new SslConnectionFactory(ssl, alpn.getProtocol()));
            factories.add(alpn);
            factories.add(new HTTP2ServerConnectionFactory(http));
            factories.add(new HttpConnectionFactory(http));
            server.addBean(new KeystoreReloader(ssl, settings.tls().get()));
        } else {
            // HTTP/1.1 first; a client that opens with the HTTP/2 preface gets h2c.
            factories.add(new HttpConnectionFactory(http));
            factories.add(new PriorKnowledgeH2c(http));
        }
        connector = new ServerConnector(server, null, scheduler, null, ACCEPTORS, SELECTORS,
                factories.toArray(ConnectionFactory[]::new));
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        connector.setAcceptedSendBufferSize(settings.streams().sendBufferBytes());
        connector.addBean(new ReadDeadline(scheduler, settings.readTimeout()));
        connector.addBean(new AddressConnections(settings.connectionsPerAddress()));
        server.addConnector(connector);
        server.setErrorHandler(new ErrorPage(json));
        server.setStopTimeout(settings.drainTimeout().toMillis());
        server.setStopAtShutdown(false);
        try {
            connector.open();
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new PortInUseException(settings.bind(), settings.port(), e);
            }
            throw new UncheckedIOException("cannot listen on " + settings.bind() + ":" + settings.port(), e);
        }
    }

    private static SslContextFactory.Server sslContext(TlsSettings tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.passwordOrEmpty());
        ssl.setKeyStoreType(tls.keystoreType());
        tls.keyAlias().ifPresent(ssl::setCertAlias);
        return ssl;
    }

    /** Serves the routes added so far; binds first if {@link #bind} was not called. */
    public void start() {
        if (server == null) {
            bind();
        }
        QoSHandler probes = new QoSHandler(new ApiHandler(routes, tokens, throttle, json, settings, observer));
        probes.setMaxRequestCount(READINESS_AT_ONCE);
        probes.setMaxSuspend(settings.requestTimeout());
        probes.setRejectStatusCode(503);
        probes.includePath(READINESS);
        QoSHandler queue = new QoSHandler(probes);
        queue.setMaxRequestCount(settings.threads());
        queue.setMaxSuspend(settings.requestTimeout());
        queue.setRejectStatusCode(503);
        queue.excludePath(UNQUEUED);
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(queue);
        server.setHandler(graceful);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP server: " + e.getMessage(), e);
        }
        scheduler.schedule(this::auditGuesses, AuthThrottle.WINDOW.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Raises one event summing up the last window's wrong tokens, if any came, and looks again a window later. */
    private void auditGuesses() {
        auditGuessesNow();
        if (server.isRunning()) {
            scheduler.schedule(this::auditGuesses, AuthThrottle.WINDOW.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void auditGuessesNow() {
        try {
            throttle.takeWindow().ifPresent(w -> events.accept(new GuessingEvent(w.end(), Duration.between(w.start(), w.end()),
                    w.judged(), w.refused(), w.addresses())));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ApiServer.class).warn("auditing wrong tokens: {}", e.toString());
        }
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Whether it serves HTTPS. */
    public boolean secure() {
        return settings.tls().isPresent();
    }

    /** Stops taking connections, lets requests in flight finish for up to {@code http.drain_timeout_ms}, then stops. */
    @Override
    public synchronized void close() {
        if (server == null || closed) {
            return;
        }
        closed = true;
        auditGuessesNow();
        for (AutoCloseable part : beforeStop) {
            try {
                part.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ApiServer.class).warn("closing {}: {}", part, e.toString());
            }
        }
        try {
            if (server.isStarted()) {
                server.stop();
            } else {
                connector.close();
            }
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(ApiServer.class).warn("stopping the HTTP server: {}", e.toString());
        }
    }
}
