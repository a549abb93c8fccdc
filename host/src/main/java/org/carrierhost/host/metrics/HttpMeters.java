package org.carrierhost.host.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.carrierhost.host.http.HttpObserver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;

/**
 * The HTTP API's meters: requests by method, route pattern and status, with their latency. Routes are
 * patterns ({@code /api/carriers/{id}}), unmatched paths are one series and unusual methods another, so
 * no request adds series.
 *
 * <p>Thread-safe: timers are looked up in a concurrent map.
 */
final class HttpMeters implements HttpObserver {

    static final String REQUESTS = "carrierhost.http.requests";
    static final String WRONG_TOKENS = "carrierhost.http.wrong_tokens";
    /** Coarse buckets: one series each for every route and status. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)};

    /** Methods named as they are; any other is {@code other}, as the client chooses the method. */
    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH",
            "OPTIONS");

    private final OwnedMeters meters;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    private final Counter wrongJudged;
    private final Counter wrongRefused;

    HttpMeters(OwnedMeters meters) {
        this.meters = meters;
        this.wrongJudged = wrongTokens(meters, "401");
        this.wrongRefused = wrongTokens(meters, "429");
    }

    private static Counter wrongTokens(OwnedMeters meters, String answer) {
        return meters.add(Counter.builder(WRONG_TOKENS).description("requests with a wrong bearer token, by how they were "
                + "answered: 401 judged, 429 over the guessing budget").tag("answer", answer).register(meters.registry()));
    }

    @Override
    public void answered(String method, String route, int status, long nanos) {
        timers.computeIfAbsent(new Key(METHODS.contains(method) ? method : "other", route, status), key -> meters.add(Timer.builder(REQUESTS)
                .description("HTTP requests answered, by method, route pattern and status")
                .tags("method", key.method(), "route", key.route(), "status", Integer.toString(key.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(meters.registry()))).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void wrongToken(boolean judged) {
        (judged ? wrongJudged : wrongRefused).increment();
    }

    private record Key(String method, String route, int status) {
    }
}
