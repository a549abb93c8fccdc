package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies are bounded in time: one that trickles slower than {@code http.min_body_rate}, or is not
 * whole within {@code http.request_timeout_ms}, is cut with 408, and forty of them from a viewer token never
 * keep {@code /api/health} from answering within a second.
 */
@RunsAlone
class SlowBodyTest {

    private static final String VIEWER = "viewer-secret-0123456789";
    private static final int SLOW = 40;

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void fortySlowBodiesFromAViewerAreCutWith408WhileHealthAnswersWithinASecond() throws Exception {
        try (CarrierHost host = start(Map.of("http.max_requests_per_viewer", "64", "http.threads", "8"))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            ExecutorService trickler = Executors.newSingleThreadExecutor();
            try {
                Future<List<String>> answers = trickler.submit(() -> trickle(host.port(), SLOW, 1));
                List<Long> probes = new ArrayList<>();
                while (!answers.isDone()) {
                    probes.add(probe(http, host));
                    Thread.sleep(150);
                }
                List<String> statuses = answers.get(30, TimeUnit.SECONDS);
                assertEquals(SLOW, statuses.stream().filter(s -> s.startsWith("HTTP/1.1 408")).count(),
                        "the slow bodies were answered " + statuses);
                assertTrue(probes.size() >= 5, "too few health samples: " + probes);
                assertTrue(probes.stream().allMatch(ms -> ms < 1000), "health took " + probes + " ms");
                System.out.printf("slow bodies: %d cut with 408; %d health samples, slowest %d ms%n", SLOW, probes.size(),
                        probes.stream().mapToLong(Long::longValue).max().orElse(0));
            } finally {
                trickler.shutdownNow();
            }
        }
    }

    @Test
    void aBodyFasterThanTheRateButLongerThanTheRequestDeadlineIsCutWith408() throws Exception {
        try (CarrierHost host = start(Map.of("http.min_body_rate", "1", "http.request_timeout_ms", "2500"))) {
            long began = System.nanoTime();
            List<String> statuses = trickle(host.port(), 1, 2);
            long took = (System.nanoTime() - began) / 1_000_000;
            assertTrue(statuses.get(0).startsWith("HTTP/1.1 408"), "answered " + statuses);
            assertTrue(statuses.get(0).contains("http.request_timeout_ms"), "answered " + statuses);
            assertTrue(took < 6000, "cut after " + took + " ms");
        }
    }

    @Test
    void oneTokenOverItsRequestsInFlightIsAnswered429AndItsAdmittedSlowBodies408() throws Exception {
        try (CarrierHost host = start(Map.of("http.max_requests_per_viewer", "4"))) {
            List<String> statuses = trickle(host.port(), 10, 1);
            assertEquals(4, statuses.stream().filter(s -> s.startsWith("HTTP/1.1 408")).count(), "answered " + statuses);
            assertEquals(6, statuses.stream().filter(s -> s.startsWith("HTTP/1.1 429")).count(), "answered " + statuses);
        }
    }

    @Test
    void aConnectionOverTheCapOfItsAddressIsClosedOnArrivalAndOthersStillServed() throws Exception {
        try (CarrierHost host = start(Map.of("http.max_connections_per_address", "5"))) {
            List<SocketChannel> held = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    held.add(SocketChannel.open(new InetSocketAddress("127.0.0.1", host.port())));
                }
                Thread.sleep(300);
                try (SocketChannel sixth = SocketChannel.open(new InetSocketAddress("127.0.0.1", host.port()))) {
                    sixth.socket().setSoTimeout(5000);
                    sixth.write(ByteBuffer.wrap("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
                    int read;
                    try {
                        read = sixth.socket().getInputStream().read();
                    } catch (IOException reset) {
                        read = -1;
                    }
                    assertEquals(-1, read, "the sixth connection was served");
                }
            } finally {
                for (SocketChannel channel : held) {
                    channel.close();
                }
            }
            Thread.sleep(300);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            assertTrue(probe(http, host) < 1000);
        }
    }

    private CarrierHost start(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("auth.token.watcher", "viewer:" + VIEWER);
        return TestHosts.start(plugins, data, all);
    }

    private static long probe(HttpClient http, CarrierHost host) throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(host.url() + "api/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode());
        return (System.nanoTime() - began) / 1_000_000;
    }

    /**
     * Opens {@code count} connections, sends each a viewer's check request declaring a 1,000-byte body,
     * then {@code perSecond} bytes of the body a second until the server answers; the answers' heads.
     */
    private static List<String> trickle(int port, int count, int perSecond) throws IOException, InterruptedException {
        byte[] head = ("POST /api/numbers/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + VIEWER
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        SocketChannel[] channels = new SocketChannel[count];
        StringBuilder[] answers = new StringBuilder[count];
        boolean[] done = new boolean[count];
        int open = count;
        try {
            for (int i = 0; i < count; i++) {
                channels[i] = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                channels[i].write(ByteBuffer.wrap(head));
                channels[i].configureBlocking(false);
                answers[i] = new StringBuilder();
            }
            ByteBuffer scratch = ByteBuffer.allocate(4096);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (open > 0 && System.nanoTime() < deadline) {
                for (int i = 0; i < count; i++) {
                    if (!done[i]) {
                        try {
                            channels[i].write(ByteBuffer.wrap("[".repeat(perSecond).getBytes(StandardCharsets.US_ASCII)));
                        } catch (IOException e) {
                            // closed by the server once it answered; the answer is read below
                        }
                    }
                }
                long next = System.nanoTime() + 1_000_000_000L;
                while (System.nanoTime() < next && open > 0) {
                    for (int i = 0; i < count; i++) {
                        if (!done[i] && answered(channels[i], scratch, answers[i])) {
                            done[i] = true;
                            open--;
                        }
                    }
                    Thread.sleep(20);
                }
            }
            List<String> heads = new ArrayList<>();
            for (StringBuilder answer : answers) {
                heads.add(answer.toString());
            }
            return heads;
        } finally {
            for (SocketChannel channel : channels) {
                if (channel != null) {
                    channel.close();
                }
            }
        }
    }

    /** Reads what has arrived; whether the server has answered whole (its body is read) or closed. */
    private static boolean answered(SocketChannel channel, ByteBuffer scratch, StringBuilder answer) {
        try {
            scratch.clear();
            int n = channel.read(scratch);
            if (n > 0) {
                answer.append(new String(scratch.array(), 0, n, StandardCharsets.UTF_8));
            }
            return n < 0 || answer.toString().contains("}}");
        } catch (IOException e) {
            return true;
        }
    }
}
