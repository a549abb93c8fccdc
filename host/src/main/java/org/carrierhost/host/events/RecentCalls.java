package org.carrierhost.host.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.carrierhost.api.ErrorCode;

/**
 * Each carrier's calls over the last {@value #MINUTES} minutes, one bucket a minute (calls, errors, median
 * and 99th-percentile latency), and its latest call's failure: a listener of {@link CallCompleted}, so the
 * console's sparklines come from the host's own figures. A carrier whose latest call failed as not
 * configured (the plugin's {@code carrier_unavailable} naming what is missing) is known to be unconfigured.
 *
 * <p>Thread-safe: one map of carriers; each carrier's buckets are guarded by its own monitor, held only to
 * add one call or copy the figures.
 */
public final class RecentCalls implements HostEventListener {

    /** How many one-minute buckets are kept. */
    public static final int MINUTES = 15;

    private final Clock clock;
    private final ConcurrentHashMap<String, Carrier> carriers = new ConcurrentHashMap<>();

    public RecentCalls(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onEvent(HostEvent event) {
        if (event instanceof CallCompleted call) {
            carriers.computeIfAbsent(call.carrier(), id -> new Carrier()).add(call);
        }
    }

    /** Carrier {@code id}'s figures now: {@value #MINUTES} minutes, oldest first, the current one last. */
    public Figures figures(String id) {
        long now = clock.millis() / 60_000;
        Carrier carrier = carriers.get(id);
        return carrier == null ? Figures.none(now) : carrier.figures(now);
    }

    /**
     * One carrier's recent figures.
     *
     * @param minutes   the last {@value #MINUTES} minutes, oldest first
     * @param lastError the latest failed call, or null
     * @param lastFailed whether the latest call failed
     */
    public record Figures(List<Minute> minutes, Failure lastError, boolean lastFailed) {

        public Figures {
            minutes = List.copyOf(minutes);
        }

        static Figures none(long now) {
            List<Minute> minutes = new ArrayList<>(MINUTES);
            for (long m = now - MINUTES + 1; m <= now; m++) {
                minutes.add(Minute.empty(m));
            }
            return new Figures(minutes, null, false);
        }

        /** Whether the latest call failed because the carrier is not configured. */
        public boolean notConfigured() {
            return lastFailed && lastError != null && lastError.notConfigured();
        }
    }

    /**
     * One minute's calls.
     *
     * @param start  when the minute began
     * @param calls  calls that finished in it
     * @param errors of which failed
     * @param p50Ms  median latency in milliseconds (0 without calls)
     * @param p99Ms  99th-percentile latency in milliseconds (0 without calls)
     */
    public record Minute(Instant start, long calls, long errors, double p50Ms, double p99Ms) {

        static Minute empty(long minute) {
            return new Minute(Instant.ofEpochSecond(minute * 60), 0, 0, 0, 0);
        }
    }

    /**
     * A failed call.
     *
     * @param time   when it finished
     * @param error  its standard error
     * @param detail its message and cause, or null
     */
    public record Failure(Instant time, ErrorCode error, String detail) {

        boolean notConfigured() {
            return error == ErrorCode.CARRIER_UNAVAILABLE && detail != null && detail.contains("not configured");
        }
    }

    /** One carrier's ring of minutes. */
    private static final class Carrier {
        private final Bucket[] ring = new Bucket[MINUTES];
        private Failure lastError;
        private boolean lastFailed;

        synchronized void add(CallCompleted call) {
            long minute = call.time().toEpochMilli() / 60_000;
            int slot = (int) Math.floorMod(minute, (long) MINUTES);
            Bucket bucket = ring[slot];
            if (bucket == null || bucket.minute != minute) {
                if (bucket != null && bucket.minute > minute) {
                    return; // older than the window
                }
                bucket = new Bucket(minute);
                ring[slot] = bucket;
            }
            bucket.add(call.duration(), !call.succeeded());
            lastFailed = !call.succeeded();
            if (lastFailed) {
                lastError = new Failure(call.time(), call.error(), call.detail());
            }
        }

        synchronized Figures figures(long now) {
            List<Minute> minutes = new ArrayList<>(MINUTES);
            for (long m = now - MINUTES + 1; m <= now; m++) {
                Bucket bucket = ring[(int) Math.floorMod(m, (long) MINUTES)];
                minutes.add(bucket != null && bucket.minute == m ? bucket.minute() : Minute.empty(m));
            }
            return new Figures(minutes, lastError, lastFailed);
        }
    }

    /**
     * One minute: counts, and latencies in buckets growing by a fifth from 0.1 ms, so a percentile is
     * known within 20% without keeping every call.
     */
    private static final class Bucket {
        private static final double FIRST_MS = 0.1;
        private static final double GROWTH = 1.2;
        private static final int BUCKETS = 80;

        private final long minute;
        private final int[] latencies = new int[BUCKETS];
        private long calls;
        private long errors;
        private double maxMs;

        Bucket(long minute) {
            this.minute = minute;
        }

        void add(Duration took, boolean failed) {
            double ms = took.toNanos() / 1_000_000.0;
            calls++;
            if (failed) {
                errors++;
            }
            maxMs = Math.max(maxMs, ms);
            int index = ms <= FIRST_MS ? 0 : (int) Math.ceil(Math.log(ms / FIRST_MS) / Math.log(GROWTH));
            latencies[Math.min(BUCKETS - 1, index)]++;
        }

        Minute minute() {
            return new Minute(Instant.ofEpochSecond(minute * 60), calls, errors, percentile(0.50), percentile(0.99));
        }

        private double percentile(double q) {
            long rank = (long) Math.ceil(q * calls);
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += latencies[i];
                if (seen >= rank && seen > 0) {
                    return Math.round(Math.min(maxMs, FIRST_MS * Math.pow(GROWTH, i)) * 100) / 100.0;
                }
            }
            return 0;
        }
    }
}
