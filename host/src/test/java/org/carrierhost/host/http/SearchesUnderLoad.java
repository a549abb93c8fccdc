package org.carrierhost.host.http;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.carrierhost.host.ApiClient;

/**
 * Searches kept running on a thread of their own while a test changes a carrier: each search must answer 200 with
 * one number and no error entry.
 */
final class SearchesUnderLoad {

    private SearchesUnderLoad() {
    }

    /**
     * Runs {@code searches} (request paths) over and over on {@code api} while {@code change} runs, with at least
     * {@code rounds} rounds before and after it.
     *
     * @return the first search answer that failed, or null when none did
     */
    static String firstFailure(ApiClient api, List<String> searches, int rounds, Runnable change) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        Thread load = new Thread(() -> {
            while (running.get()) {
                for (String path : searches) {
                    ApiClient.Reply search = api.get(path);
                    if (search.status() != 200 || search.json().path("numbers").size() != 1
                            || search.json().path("errors").size() != 0) {
                        failure.compareAndSet(null, search.text());
                    }
                }
                done.incrementAndGet();
            }
        });
        load.start();
        try {
            while (done.get() < rounds) {
                Thread.sleep(5);
            }
            change.run();
            int after = done.get();
            while (done.get() < after + rounds) {
                Thread.sleep(5);
            }
        } finally {
            running.set(false);
            load.join();
        }
        return failure.get();
    }
}
