package org.carrierhost.host.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.config.StreamSettings;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.AuditLog;
import org.carrierhost.host.events.EventQuery;
import org.carrierhost.host.events.LoggedEvent;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/events/stream}: the host's audited events as Server-Sent Events, as the audit log
 * writes them (so each carries its log id), for the console to update live. A reader sends
 * {@code Last-Event-ID} to resume: what it missed is sent first, from the log. The token goes in the
 * {@code Authorization} header as on every route (the console reads the stream with {@code fetch}). A
 * comment every heartbeat keeps idle connections open; no thread waits on a stream, and stopping the
 * server ends every stream first, so the drain does not wait for them. The streams are bounded as a whole:
 * their unsent frames share one {@link StreamBudget}, a stream that falls behind its share is cut with a last
 * comment saying why, and each token may hold only so many streams open, a viewer fewer than an operator.
 *
 * <p>Thread-safe: the open streams are a concurrent set; each stream guards its own state.
 */
public final class EventStream implements Consumer<List<LoggedEvent>>, AutoCloseable {

    /** The most missed events sent on a resume; a reader further behind reloads the log instead. */
    static final int MAX_REPLAY = 1000;
    private static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";

    private final AuditLog log;
    private final EventFrames frames;
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> perToken = new ConcurrentHashMap<>();
    private final StreamSettings limits;
    private final StreamBudget budget;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean closed;

    /**
     * @param heartbeat how often a comment is sent on every open stream (15 s in the product)
     */
    public EventStream(AuditLog log, ObjectMapper json, Duration heartbeat) {
        this(log, json, heartbeat, StreamSettings.defaults());
    }

    /**
     * @param heartbeat how often a comment is sent on every open stream (15 s in the product)
     * @param limits    the streams' bounds
     */
    public EventStream(AuditLog log, ObjectMapper json, Duration heartbeat, StreamSettings limits) {
        this.log = log;
        this.limits = limits;
        this.budget = new StreamBudget(limits.memoryBytes(), limits.clientBytes());
        this.frames = new EventFrames(json);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "event-stream-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        this.heartbeat.scheduleAtFixedRate(() -> clients.forEach(c -> c.comment("heartbeat")),
                heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        log.follow(this);
    }

    /** Adds the route to {@code server}, and ends the streams when it stops. */
    public void register(ApiServer server) {
        server.route(Route.of("GET", "/api/events/stream", Role.VIEWER, request -> {
            long lastId = lastEventId(request);
            Runnable release = takeStream(request.principal());
            StreamingBody body = (response, callback) -> open(response, callback, lastId, release);
            return new ApiResponse(200, body, CONTENT_TYPE, Map.of("X-Accel-Buffering", "no"));
        }));
        server.closeBeforeStop(this);
    }

    private static long lastEventId(ApiRequest request) {
        String given = request.header("Last-Event-ID").map(String::strip).orElse("");
        if (given.isEmpty()) {
            return -1;
        }
        try {
            long id = Long.parseLong(given);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw StandardException.of(ErrorCode.INVALID, "Last-Event-ID must be an event id", "got '"
                    + org.carrierhost.host.errors.StandardError.bounded(given, 40) + "'");
        }
    }

    /**
     * Takes one of {@code principal}'s streams; what gives it back.
     *
     * @throws StandardException {@code rate_limited} when it holds all it may
     */
    private Runnable takeStream(Principal principal) {
        boolean viewer = principal.role() == Role.VIEWER;
        int cap = viewer ? limits.perViewer() : limits.perToken();
        var count = perToken.computeIfAbsent(principal.name(), name -> new java.util.concurrent.atomic.AtomicInteger());
        if (count.incrementAndGet() > cap) {
            count.decrementAndGet();
            throw StandardException.of(ErrorCode.RATE_LIMITED, "token '" + principal.name() + "' has " + cap
                    + " event streams open already", "close one first ("
                    + (viewer ? "http.max_streams_per_viewer" : "http.max_streams_per_token") + ")");
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                count.decrementAndGet();
            }
        };
    }

    private void open(org.eclipse.jetty.server.Response response, org.eclipse.jetty.util.Callback callback, long lastId,
                      Runnable release) {
        StreamClient[] self = new StreamClient[1];
        StreamClient client = new StreamClient(response, callback, frames, budget, clients::size, Math.max(lastId, 0), () -> {
            clients.remove(self[0]);
            release.run();
        });
        self[0] = client;
        clients.add(client);
        client.comment("connected");
        if (closed) {
            client.end();
            return;
        }
        List<LoggedEvent> missed = List.of();
        if (lastId >= 0) {
            try {
                missed = log.find(EventQuery.after(lastId, MAX_REPLAY));
            } catch (RuntimeException e) {
                client.comment("cannot replay missed events: reload the log");
            }
        }
        client.replayed(missed);
    }

    /** How many streams are open. */
    int open() {
        return clients.size();
    }

    /** The budget the streams' unsent frames share. */
    StreamBudget budget() {
        return budget;
    }

    @Override
    public void accept(List<LoggedEvent> written) {
        if (clients.isEmpty()) {
            return;
        }
        // Each frame is written once, however many streams it goes to.
        List<byte[]> encoded = written.stream().map(e -> frames.frame(e).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
        for (StreamClient client : clients) {
            for (int i = 0; i < written.size(); i++) {
                client.send(written.get(i), encoded.get(i));
            }
        }
    }

    /** Ends every stream and stops the heartbeat. */
    @Override
    public void close() {
        closed = true;
        log.unfollow(this);
        heartbeat.shutdownNow();
        clients.forEach(StreamClient::end);
    }
}
