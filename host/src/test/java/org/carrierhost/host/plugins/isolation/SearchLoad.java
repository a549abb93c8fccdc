package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.carrierhost.host.ApiClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The search load of the hostile suites: one thread per search query, each searching it again and again, every
 * answer checked to be 200 with {@code quantity} numbers and no error of the carrier that must serve; and one
 * thread asking {@code /api/health} every 100 ms, keeping the slowest answer (a failed one counts as endless).
 *
 * <p>Thread-safe: its counters are atomic and its failures a concurrent queue; it is started and closed by one
 * test thread.
 */
final class SearchLoad implements AutoCloseable {

    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger searches = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
    private final AtomicLong slowestHealth = new AtomicLong();

    private SearchLoad(int queries) {
        threads = Executors.newFixedThreadPool(queries + 1);
    }

    /**
     * Starts searching each of {@code queries} (paths with their query, such as
     * {@code /api/numbers?prefix=415&quantity=2&carriers=mock,hang}) on a thread of its own, and polling health.
     *
     * @param serving  the carrier whose error in an answer is a failed search
     * @param quantity how many numbers each answer must hold
     */
    static SearchLoad start(ApiClient api, String serving, int quantity, List<String> queries) {
        SearchLoad load = new SearchLoad(queries.size());
        for (String query : queries) {
            load.threads.submit(() -> {
                while (load.running.get()) {
                    ApiClient.Reply reply = api.get(query);
                    load.searches.incrementAndGet();
                    if (reply.status() != 200 || reply.json().path("numbers").size() != quantity
                            || failedFor(reply.json(), serving)) {
                        load.failed.add(reply.status() + " " + reply.text());
                    }
                }
                return null;
            });
        }
        load.threads.submit(() -> {
            while (load.running.get()) {
                long began = System.nanoTime();
                int status = api.get("/api/health").status();
                long took = (System.nanoTime() - began) / 1_000_000;
                load.slowestHealth.accumulateAndGet(status == 200 ? took : Long.MAX_VALUE, Math::max);
                Thread.sleep(100);
            }
            return null;
        });
        return load;
    }

    private static boolean failedFor(JsonNode answer, String carrier) {
        for (JsonNode error : answer.path("errors")) {
            if (carrier.equals(error.path("carrier").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops the load and asserts that {@code /api/health} answered within 1 s throughout, that more than
     * {@code atLeast} searches were made, and that none failed.
     */
    void assertServedThroughout(int atLeast) throws InterruptedException {
        stop();
        assertTrue(slowestHealth.get() < 1000, "the slowest /api/health took " + slowestHealth.get() + " ms");
        assertTrue(searches.get() > atLeast, "searches made: " + searches.get());
        assertTrue(failed.isEmpty(), failed.size() + " of " + searches.get() + " searches failed, first: " + failed.peek());
    }

    private void stop() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        assertTrue(threads.awaitTermination(20, TimeUnit.SECONDS), "the load did not stop within 20 s");
    }

    @Override
    public void close() {
        running.set(false);
        threads.shutdownNow();
    }
}
