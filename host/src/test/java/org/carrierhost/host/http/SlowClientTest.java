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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hundred connections that each send one byte a second neither hold up the API nor stay open past the
 * read timeout.
 */
class SlowClientTest {

    private static final int SLOW = 100;
    private static final long READ_TIMEOUT_MS = 3000;
    /** How late a cut may come past the timeout: one tick of the trickle plus scheduling. */
    private static final long SLACK_MS = 1500;

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void healthIsAnsweredQuicklyWhileSlowClientsTrickleAndEachIsCutOffWithinTheReadTimeout() throws Exception {
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("http.read_timeout_ms", String.valueOf(READ_TIMEOUT_MS)))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            for (int i = 0; i < 20; i++) {
                probe(http, host);
            }
            ExecutorService trickler = Executors.newSingleThreadExecutor();
            try {
                Future<long[]> cutAfter = trickler.submit(() -> trickleUntilCut(host.port()));
                Thread.sleep(300);
                List<Long> probes = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    probes.add(probe(http, host));
                    Thread.sleep(200);
                }
                long[] cuts = cutAfter.get(READ_TIMEOUT_MS + 10_000, TimeUnit.MILLISECONDS);
                for (long ms : cuts) {
                    assertTrue(ms <= READ_TIMEOUT_MS + SLACK_MS, "a slow connection lasted " + ms + " ms");
                }
                // The machine is shared: one probe may lose a scheduling slice, but the typical one is prompt.
                List<Long> sorted = probes.stream().sorted().toList();
                assertTrue(sorted.get(sorted.size() / 2) < 100 && sorted.get(sorted.size() - 2) < 100,
                        "health probes took " + probes + " ms");
            } finally {
                trickler.shutdownNow();
            }
        }
    }

    private static long probe(HttpClient http, CarrierHost host) throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(host.url() + "api/health"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode());
        return (System.nanoTime() - began) / 1_000_000;
    }

    /**
     * Opens {@link #SLOW} connections and sends each one byte of a request a second, from one thread with
     * non-blocking sockets, until the server has closed every one; how long each lasted.
     */
    private static long[] trickleUntilCut(int port) throws IOException, InterruptedException {
        byte[] request = ("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "s".repeat(100) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        SocketChannel[] channels = new SocketChannel[SLOW];
        long[] lasted = new long[SLOW];
        long began = System.nanoTime();
        for (int i = 0; i < SLOW; i++) {
            channels[i] = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channels[i].configureBlocking(false);
        }
        ByteBuffer answer = ByteBuffer.allocate(4096);
        int open = SLOW;
        try {
            for (int sent = 0; open > 0; sent++) {
                if (sent >= request.length) {
                    throw new AssertionError("the whole request was sent without the server cutting it off");
                }
                for (int i = 0; i < SLOW; i++) {
                    if (lasted[i] == 0 && !write(channels[i], request[sent])) {
                        lasted[i] = (System.nanoTime() - began) / 1_000_000;
                        open--;
                    }
                }
                long next = System.nanoTime() + 1_000_000_000L;
                while (System.nanoTime() < next && open > 0) {
                    for (int i = 0; i < SLOW; i++) {
                        if (lasted[i] == 0 && closed(channels[i], answer)) {
                            lasted[i] = (System.nanoTime() - began) / 1_000_000;
                            open--;
                        }
                    }
                    Thread.sleep(20);
                }
            }
            return lasted;
        } finally {
            for (SocketChannel channel : channels) {
                channel.close();
            }
        }
    }

    private static boolean write(SocketChannel channel, byte b) {
        try {
            channel.write(ByteBuffer.wrap(new byte[] {b}));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean closed(SocketChannel channel, ByteBuffer scratch) {
        try {
            scratch.clear();
            return channel.read(scratch) < 0;
        } catch (IOException e) {
            return true;
        }
    }
}
