package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/events/stream}: live, resumable, token-checked, and ended when the host stops. */
class EventStreamTest {

    private static final String END = "<end>";

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    private CarrierHost host;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<InputStream> open = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        TestPlugins.copyMock(plugins);
        host = TestHosts.start(plugins, data, Map.of("http.drain_timeout_ms", "10000"));
    }

    @AfterEach
    void stop() throws Exception {
        for (InputStream in : open) {
            in.close();
        }
        host.close();
    }

    /** Opens the stream and reads its lines on a thread of its own into a queue, {@value #END} at its end. */
    private BlockingQueue<String> stream(String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host.url() + "api/events/stream"))
                .header("Authorization", "Bearer " + TestHosts.ADMIN_TOKEN);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        open.add(response.body());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // closed by the test
            }
            lines.add(END);
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next {@code data:} line that contains {@code text}, with the {@code id:} line before it. */
    private static String[] next(BlockingQueue<String> lines, String text) throws InterruptedException {
        String id = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals(END)) {
                return null;
            }
            if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("data: ") && line.contains(text)) {
                return new String[] {id, line.substring(6)};
            }
        }
        return null;
    }

    @Test
    void anActionAppearsOnTheStreamWithItsLogId() throws Exception {
        BlockingQueue<String> lines = stream(null);

        ApiClient.of(host).post("/api/carriers/mock/disable", "");

        String[] frame = next(lines, "\"action\":\"disable\"");
        assertNotNull(frame, "no disable event on the stream");
        long newest = ApiClient.of(host).get("/api/events?action=disable").json().get(0).path("id").asLong();
        assertEquals(String.valueOf(newest), frame[0]);
    }

    @Test
    void anEntrysTimeReadsTheSameLiveOnReplayAndInTheLog() throws Exception {
        BlockingQueue<String> live = stream(null);
        ApiClient api = ApiClient.of(host);
        api.post("/api/carriers/mock/disable", "");
        String[] frame = next(live, "\"action\":\"disable\"");
        assertNotNull(frame, "no disable event on the stream");
        ((org.carrierhost.host.events.AuditLog) host.events()).flush();

        String liveTime = new com.fasterxml.jackson.databind.ObjectMapper().readTree(frame[1]).path("time").asText();
        String[] replayed = next(stream(String.valueOf(Long.parseLong(frame[0]) - 1)), "\"action\":\"disable\"");
        String replayTime = new com.fasterxml.jackson.databind.ObjectMapper().readTree(replayed[1]).path("time").asText();
        String loggedTime = api.get("/api/events?action=disable").json().get(0).path("time").asText();

        assertTrue(liveTime.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"), liveTime);
        assertEquals(liveTime, replayTime);
        assertEquals(liveTime, loggedTime);
    }

    @Test
    void resumingWithLastEventIdSendsWhatWasMissedInOrder() throws Exception {
        ApiClient api = ApiClient.of(host);
        api.post("/api/carriers/mock/disable", "");
        long seen = api.get("/api/events?action=disable").json().get(0).path("id").asLong();
        api.post("/api/carriers/mock/enable", "");

        BlockingQueue<String> lines = stream(String.valueOf(seen));

        String[] frame = next(lines, "\"id\":");
        assertNotNull(frame);
        assertEquals(seen + 1, Long.parseLong(frame[0]), "the first event after the one seen comes first");
        assertNotNull(next(lines, "\"action\":\"enable\""), "the missed enable is sent");
    }

    @Test
    void theStreamNeedsAToken() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(host.url() + "api/events/stream")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("unauthorized"), response.body());
    }

    @Test
    void aMalformedLastEventIdIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(host.url() + "api/events/stream"))
                .header("Authorization", "Bearer " + TestHosts.ADMIN_TOKEN).header("Last-Event-ID", "abc").build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
    }

    @Test
    void stoppingTheHostEndsOpenStreamsRatherThanWaitingOutTheDrain() throws Exception {
        BlockingQueue<String> lines = stream(null);
        assertEquals(": connected", lines.poll(10, TimeUnit.SECONDS));

        long began = System.nanoTime();
        host.close();
        Duration took = Duration.ofNanos(System.nanoTime() - began);

        assertNull(next(lines, "never sent"), "the stream ended");
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "close waited out the 10 s drain: " + took);
    }
}
