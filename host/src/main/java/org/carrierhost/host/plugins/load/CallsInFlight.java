package org.carrierhost.host.plugins.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls running on one generation, and its refusal of new ones once it retires: what every {@link Generation}
 * counts its calls with.
 *
 * <p>Thread-safe: an atomic counter, and a monitor the drain waits on.
 */
public final class CallsInFlight {

    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean retiring;

    /** Counts a call in; false once retiring, so the caller picks the newer generation. */
    public boolean enter() {
        count.incrementAndGet();
        if (retiring) {
            leave();
            return false;
        }
        return true;
    }

    /** Counts a call out. */
    public void leave() {
        if (count.decrementAndGet() == 0 && retiring) {
            synchronized (count) {
                count.notifyAll();
            }
        }
    }

    /** How many calls are running. */
    public int count() {
        return count.get();
    }

    /** Whether new calls are refused. */
    public boolean retiring() {
        return retiring;
    }

    /**
     * Refuses new calls, then waits up to {@code drain} for those running to leave.
     *
     * @return true when none is left running
     */
    public boolean drain(Duration drain) {
        retiring = true;
        long deadline = System.nanoTime() + drain.toNanos();
        synchronized (count) {
            while (count.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    count.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}
