package org.carrierhost.examples.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchResponse;

/**
 * The platform's own threads, searching the mock carrier without pause while it is swapped.
 *
 * <p>Thread-safe: the counters are atomic; {@link #stop()} is called once, by the thread that started it.
 */
final class SwapLoad {

    private static final int PAGE = 5;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LongAdder searches = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final List<Thread> threads = new ArrayList<>();

    private SwapLoad() {
    }

    static SwapLoad start(CarrierHost host, int threads) {
        SwapLoad load = new SwapLoad();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> load.search(host), "platform-searcher-" + i);
            load.threads.add(t);
            t.start();
        }
        return load;
    }

    private void search(CarrierHost host) {
        SearchRequest request = new SearchRequest("415", PAGE, 0, null, List.of("mock"), 0, false, null);
        while (running.get()) {
            try {
                SearchResponse found = host.manager().find(request);
                if (!found.errors().isEmpty() || found.numbers().size() != PAGE) {
                    failures.increment();
                }
            } catch (RuntimeException e) {
                failures.increment();
            }
            searches.increment();
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
    }

    long searches() {
        return searches.sum();
    }

    long failures() {
        return failures.sum();
    }
}
