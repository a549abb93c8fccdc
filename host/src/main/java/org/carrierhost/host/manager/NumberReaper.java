package org.carrierhost.host.manager;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reaper each host runs: every {@code numbers.reaper_ms} it runs each of its rounds (ending aging that is
 * over; expiring holds), one after the other, on one daemon thread. The rounds themselves make sure that of the
 * hosts sharing a database exactly one acts on each number or hold.
 *
 * <p>Thread-safe: its one thread runs the rounds; {@link #close()} may be called from any thread.
 */
public final class NumberReaper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NumberReaper.class);
    private static final long FINISH_SECONDS = 10;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "carrier-host-reaper");
        t.setDaemon(true);
        return t;
    });

    /**
     * Starts running {@code rounds} every {@code interval}.
     *
     * @param rounds each one reaper round, named for the log; a round that throws is logged and run again next time
     */
    public NumberReaper(Duration interval, List<Round> rounds) {
        thread.scheduleWithFixedDelay(() -> rounds.forEach(NumberReaper::run), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One kind of work the reaper does each time. */
    public interface Round {
        /** What it does, for the log. */
        String name();

        /** Does it once. */
        void run();

        /** A round named {@code name} doing {@code work}. */
        static Round of(String name, Runnable work) {
            return new Round() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public void run() {
                    work.run();
                }
            };
        }
    }

    private static void run(Round round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            LOG.warn("reaper round '{}' failed; it runs again next time: {}", round.name(), e.toString());
        }
    }

    /**
     * Stops the thread: a round that runs may finish (an interrupt in the middle of a database call would leave a
     * broken connection for the pool to close), within {@value #FINISH_SECONDS} s; then it is interrupted.
     */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(FINISH_SECONDS, TimeUnit.SECONDS)) {
                thread.shutdownNow();
                thread.awaitTermination(FINISH_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
