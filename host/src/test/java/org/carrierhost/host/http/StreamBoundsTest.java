package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.Await;
import org.carrierhost.host.Reliability;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.events.AuditLog;
import org.carrierhost.host.events.JdbcEventLog;
import org.carrierhost.host.events.NumberAction;
import org.carrierhost.host.events.NumberEvent;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event streams are bounded as a whole: 100 streams that never read, and 5,000 events (500 and 25,000 under
 * the profile reliability-long), hold no more unsent frames than twice {@code http.stream_memory_bytes}; every
 * lagging stream is cut with a last comment saying why; a viewer may open fewer streams than an operator.
 * (The 500 streams and 25,000 events, shortened.)
 */
class StreamBoundsTest {

    private static final int STREAMS = Reliability.load(100, 500);
    private static final int EVENTS = Reliability.load(5000, 25_000);
    private static final long MEMORY = Reliability.load(2 << 20, 32 << 20);
    private static final long CLIENT = Reliability.load(256 << 10, 1 << 20);
    private static final String VIEWER = "viewer-secret-0123456789";

    @TempDir
    Path data;

    @Test
    void nonReadingStreamsStayWithinTheBudgetAndAreCutWithAReason() throws Exception {
        Map<String, String> given = new HashMap<>(Map.of("http.stream_memory_bytes", String.valueOf(MEMORY),
                "http.stream_client_bytes", String.valueOf(CLIENT), "http.send_buffer_bytes", Reliability.isLong() ? "65536" : "8192",
                "http.max_streams_per_token", "1000", "http.max_connections_per_address", "1000"));
        try (Server running = start(given)) {
            List<Socket> laggards = new ArrayList<>();
            try {
                for (int i = 0; i < STREAMS; i++) {
                    laggards.add(openNotReading(running.server.port(), TestHosts.ADMIN_TOKEN));
                }
                Await.until(Duration.ofSeconds(10), () -> running.stream.open() == STREAMS,
                        () -> running.stream.open() + " streams open of " + STREAMS);
                String padding = "x".repeat(300);
                for (int i = 0; i < EVENTS; i++) {
                    running.log.onEvent(NumberEvent.ok("api:load", NumberAction.ACQUIRE, "+1415" + i + " " + padding, "mock", "in_service"));
                }
                running.log.flush();
                long frame = 600;
                long peak = running.stream.budget().peak();
                Runtime rt = Runtime.getRuntime();
                System.gc();
                System.out.printf("streams: %d non-reading, %d events, peak unsent %d KiB (budget %d KiB), heap used after GC %d MiB%n",
                        STREAMS, EVENTS, peak >> 10, MEMORY >> 10, (rt.totalMemory() - rt.freeMemory()) >> 20);
                assertTrue(peak <= 2 * MEMORY + STREAMS * frame, "unsent frames peaked at " + peak + " bytes");
                int cut = 0;
                for (Socket laggard : laggards) {
                    String got = readAll(laggard);
                    if (got.contains(": cut off: ")) {
                        cut++;
                    } else {
                        System.out.println("not cut: " + got.length() + " bytes, ending "
                                + got.substring(Math.max(0, got.length() - 300)).replace("\n", "|"));
                    }
                }
                System.out.printf("streams: %d of %d cut with a reason%n", cut, STREAMS);
                assertEquals(STREAMS, cut, "streams cut with a reason");
            } finally {
                for (Socket s : laggards) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aViewerMayHoldFewerStreamsThanAnOperator() throws Exception {
        try (Server running = start(new HashMap<>(Map.of("http.max_streams_per_viewer", "2", "http.max_streams_per_token", "4",
                "auth.token.watcher", "viewer:" + VIEWER)))) {
            HttpClient http = HttpClient.newHttpClient();
            List<Integer> viewer = new ArrayList<>();
            List<Integer> admin = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                viewer.add(status(http, running.server.port(), VIEWER));
            }
            for (int i = 0; i < 5; i++) {
                admin.add(status(http, running.server.port(), TestHosts.ADMIN_TOKEN));
            }
            assertEquals(List.of(200, 200, 429), viewer);
            assertEquals(List.of(200, 200, 200, 200, 429), admin);
        }
    }

    private static int status(HttpClient http, int port, String token) throws Exception {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events/stream"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream())
                .get().statusCode();
    }

    /** A stream whose reader never reads: a small receive buffer, so the host's frames back up at once. */
    static Socket openNotReading(int port, String token) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        socket.getOutputStream().write(("GET /api/events/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** What has arrived on {@code socket} until it falls quiet for a second. */
    private static String readAll(Socket socket) throws Exception {
        socket.setSoTimeout(1000);
        InputStream in = socket.getInputStream();
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[65536];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (text.indexOf(": cut off: ") >= 0 && text.indexOf("\n\n", text.indexOf(": cut off: ")) >= 0) {
                    break;
                }
            }
        } catch (SocketTimeoutException quiet) {
            // everything sent has arrived
        }
        return text.toString();
    }

    private Server start(Map<String, String> given) throws Exception {
        given.put("http.port", "0");
        given.put("admin.token", TestHosts.ADMIN_TOKEN);
        given.put("data.dir", data.toString());
        given.put("plugins.dir", data.resolve("plugins").toString());
        var settings = HostConfiguration.of(given).settings();
        Database database = Database.open(Database.embeddedUrl(data), settings.store().user(), settings.store().password());
        AuditLog log = new AuditLog(new JdbcEventLog(database.dataSource(), "test-node"));
        ApiServer server = new ApiServer(AccessTokens.of(TestHosts.ADMIN_TOKEN, settings.access().tokens()), settings.http(),
                JsonMapper.create());
        EventStream stream = new EventStream(log, JsonMapper.create(), Duration.ofSeconds(15), settings.http().streams());
        stream.register(server);
        server.start();
        return new Server(database, log, server, stream);
    }

    /** The parts a stream needs, closed in turn. */
    private record Server(Database database, AuditLog log, ApiServer server, EventStream stream) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            log.close();
            database.close();
        }
    }
}
