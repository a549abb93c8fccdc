package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.Reliability;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.events.AuditLog;
import org.carrierhost.host.events.NumberAction;
import org.carrierhost.host.events.NumberEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event streams that never read cost the acquires little: with 100 non-reading streams open and 5,000 extra
 * events published (500 streams and 25,000 events under the profile reliability-long, as in the issue), acquires
 * of distinct numbers through a whole host run at no less than half their rate without the streams, measured in
 * the same run.
 */
@RunsAlone
class AcquiresBesideLaggingStreamsTest {

    private static final int STREAMS = Reliability.load(100, 500);
    private static final int EVENTS = Reliability.load(5000, 25_000);
    private static final long WINDOW_MS = Reliability.load(3000, 10_000);
    private static final int CALLERS = 8;
    private static final String ACQUIRE = "{\"account_id\":\"acct-1\"}";

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void acquiresKeepAtLeastHalfTheirRateWhileNonReadingStreamsLag() throws Exception {
        TestPlugins.copyMock(plugins);
        Map<String, String> settings = Map.of("http.stream_memory_bytes", String.valueOf(Reliability.load(2 << 20, 32 << 20)),
                "http.stream_client_bytes", String.valueOf(Reliability.load(256 << 10, 1 << 20)),
                "http.send_buffer_bytes", "8192", "http.max_streams_per_token", "1000",
                "http.max_connections_per_address", String.valueOf(STREAMS + 4 * CALLERS));
        try (CarrierHost host = TestHosts.start(plugins, data, settings)) {
            ApiClient api = ApiClient.of(host);
            AtomicInteger next = new AtomicInteger();
            acquireFor(api, next, 500);   // warm up: classes loaded, pool filled, JIT started
            double alone = acquireFor(api, next, WINDOW_MS);

            List<Socket> laggards = new ArrayList<>();
            AtomicBoolean publishing = new AtomicBoolean(true);
            Thread publisher = new Thread(() -> publish((AuditLog) host.events(), publishing), "test-events");
            try {
                for (int i = 0; i < STREAMS; i++) {
                    laggards.add(openStreamReadingItsStatus(host.port(), TestHosts.ADMIN_TOKEN));
                }
                publisher.start();
                double beside = acquireFor(api, next, WINDOW_MS);
                publisher.join(TimeUnit.MINUTES.toMillis(2));
                Runtime rt = Runtime.getRuntime();
                System.gc();
                System.out.printf("acquires: %.0f/s alone, %.0f/s beside %d non-reading streams and %d events (%.2f); heap used"
                        + " after GC %d MiB%n", alone, beside, STREAMS, EVENTS, beside / alone,
                        (rt.totalMemory() - rt.freeMemory()) >> 20);
                assertTrue(alone > 0, "no acquire succeeded without the streams");
                assertTrue(beside >= alone / 2, "acquires fell from " + alone + "/s to " + beside + "/s beside the streams");
                assertEquals(200, api.get("/api/health").status(), "liveness after the run");
            } finally {
                publishing.set(false);
                publisher.join(TimeUnit.MINUTES.toMillis(2));
                for (Socket s : laggards) {
                    s.close();
                }
            }
        }
    }

    /** Acquires distinct numbers from {@link #CALLERS} threads for {@code windowMs}; the successful ones per second. */
    private static double acquireFor(ApiClient api, AtomicInteger next, long windowMs) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(windowMs);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                running.add(callers.submit(() -> {
                    while (System.nanoTime() < end) {
                        String number = "+1415" + (2_000_000 + next.getAndIncrement());
                        int status = api.post("/api/numbers/" + number + "/acquire", ACQUIRE).status();
                        assertEquals(200, status, "acquire of " + number);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(windowMs + 60_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        return done.get() * 1e9 / (System.nanoTime() - start);
    }

    /** Publishes {@link #EVENTS} padded events, spread over the measuring window, unless told to stop. */
    private static void publish(AuditLog log, AtomicBoolean publishing) {
        String padding = "x".repeat(300);
        long pause = Math.max(0, WINDOW_MS * 1_000_000 / 2 / EVENTS);
        for (int i = 0; i < EVENTS && publishing.get(); i++) {
            log.onEvent(NumberEvent.ok("api:load", NumberAction.ACQUIRE, "+1628" + i + " " + padding, "mock", "in_service"));
            if (pause > 0 && i % 100 == 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(pause * 100);
            }
        }
    }

    /** A stream whose reader reads only its status line ({@link StreamBoundsTest#openNotReading}), so frames back up at once. */
    private static Socket openStreamReadingItsStatus(int port, String token) throws Exception {
        Socket socket = StreamBoundsTest.openNotReading(port, token);
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        byte[] status = new byte[12];
        int read = 0;
        while (read < status.length) {
            int n = in.read(status, read, status.length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        String line = new String(status, 0, read, StandardCharsets.US_ASCII);
        assertEquals("HTTP/1.1 200", line, "a stream's status line");
        return socket;
    }
}
