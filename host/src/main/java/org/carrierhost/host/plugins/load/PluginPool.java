package org.carrierhost.host.plugins.load;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one pool of threads plugin code runs on: number calls, constructors, {@code start} and {@code stop}.
 * Unbounded as a pool, bounded in use: number calls by each carrier's bulkhead, lifecycle calls by each
 * carrier's lifecycle lock. An idle thread ends after {@link #IDLE_SECONDS}, so a closed host leaves none
 * behind for long.
 *
 * <p>Thread-safe: a {@link ThreadPoolExecutor}.
 */
public final class PluginPool {

    /** How long an idle thread lingers: long enough to be reused under load, short enough to go after close. */
    public static final long IDLE_SECONDS = 2;

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** The pool. */
    public static final ExecutorService EXECUTOR = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "carrier-call-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private PluginPool() {
    }
}
