package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.Reliability;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.events.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing tokens is slow from any number of addresses, and never locks out the right token: wrong tokens
 * from a thousand rotating loopback addresses are judged (answered 401) no faster than the documented global
 * budget, while the admin's token, interleaved from the same addresses, is answered every time; the
 * guesses are audited in aggregate.
 */
@RunsAlone
class TokenGuessingTest {

    private static final int ADDRESSES = 1000;
    private static final int THREADS = 4;
    private static final long RUN_MS = Reliability.load(4000, 30_000);

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void wrongTokensFromAThousandAddressesAreJudgedWithinTheBudgetAndTheRightTokenIsAlwaysAnswered() throws Exception {
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> runs = new ArrayList<>();
            long began = System.nanoTime();
            long until = began + RUN_MS * 1_000_000;
            for (int t = 0; t < THREADS; t++) {
                runs.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        int i = next.getAndIncrement();
                        String from = "127.0." + (1 + i % ADDRESSES / 250) + "." + (1 + i % 250);
                        boolean right = i % 9 == 8;
                        String token = right ? TestHosts.ADMIN_TOKEN : "guess-" + i + "-0123456789abcdef";
                        int status = whoami(host.port(), from, token);
                        answers.computeIfAbsent((right ? "right " : "wrong ") + status, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - began) / 1e9;
            int judged = count(answers, "wrong 401");
            int refused = count(answers, "wrong 429");
            int rightOk = count(answers, "right 200");
            int rightAll = answers.entrySet().stream().filter(e -> e.getKey().startsWith("right"))
                    .mapToInt(e -> e.getValue().get()).sum();
            System.out.printf("guessing: %s in %.1f s, %.1f judged guesses/s%n", answers, seconds, judged / seconds);

            assertTrue(refused > 0, "no guess was refused: " + answers);
            assertTrue(judged <= AuthThrottle.GLOBAL_BURST + AuthThrottle.GLOBAL_PER_SECOND * (seconds + 1),
                    judged + " wrong tokens judged in " + seconds + " s: " + answers);
            assertTrue(rightAll > 20, "too few right tokens sent: " + answers);
            assertEquals(rightAll, rightOk, "the right token was not always answered: " + answers);

            Thread.sleep(AuthThrottle.WINDOW.toMillis() + 1500);
            List<Event> audited = host.events().recent(100).stream().filter(e -> e.action().equals("auth-failures")).toList();
            long audits = audited.stream().mapToLong(e -> Long.parseLong(e.target().split(" ")[0])).sum();
            assertEquals(judged + refused, audits, "the audit log's aggregate entries " + audited);
        }
    }

    @Test
    void aRightTokenNeverResetsItsAddressesCountOfWrongOnes() throws Exception {
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            int judged = 0;
            for (int i = 0; i < 40; i++) {
                if (i % 3 == 2) {
                    assertEquals(200, whoami(host.port(), "127.9.9.9", TestHosts.ADMIN_TOKEN));
                } else if (whoami(host.port(), "127.9.9.9", "wrong-token-0123456789-" + i) == 401) {
                    judged++;
                }
            }
            assertTrue(judged <= AuthThrottle.FREE_FAILURES + 1, judged + " wrong tokens were judged from one address");
        }
    }

    private static int count(Map<String, AtomicInteger> answers, String key) {
        AtomicInteger n = answers.get(key);
        return n == null ? 0 : n.get();
    }

    /** {@code GET /api/whoami} with {@code token}, from the loopback address {@code from}; the status. */
    private static int whoami(int port, String from, String token) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String line = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(line.substring(9, 12));
        }
    }
}
