package org.carrierhost.host.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;

import org.carrierhost.host.config.HttpSettings;
import org.carrierhost.host.config.TlsSettings;
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

    private final List<Route> routes = new ArrayList<>();
    private final List<AutoCloseable> beforeStop = new ArrayList<>();
    private final AccessTokens tokens;
    private final HttpSettings settings;
    private final ObjectMapper json;
    private Server server;
    private ServerConnector connector;
    private boolean closed;
    private HttpObserver observer = HttpObserver.NONE;

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
        QueuedThreadPool pool = new QueuedThreadPool(settings.threads() + ACCEPTORS + SELECTORS + 4, 4, 60_000);
        pool.setName("http");
        pool.setDaemon(true);
        server = new Server(pool);
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("http-scheduler", true);
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
            http.addCustomizer(new SecureRequestCustomizer(false));
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
        connector.addBean(new ReadDeadline(scheduler, settings.readTimeout()));
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
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(new ApiHandler(routes, tokens, json, settings.accessLog(), observer));
        server.setHandler(graceful);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP server: " + e.getMessage(), e);
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
