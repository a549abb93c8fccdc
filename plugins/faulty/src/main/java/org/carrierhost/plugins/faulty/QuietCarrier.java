package org.carrierhost.plugins.faulty;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.api.SearchResult;

/**
 * The callbacks every faulty carrier shares: it offers nothing and changes nothing. Subclasses misbehave
 * in one lifecycle step each.
 *
 * <p>Thread-safe: stateless.
 */
public abstract class QuietCarrier implements CarrierExtension {

    @Override
    public SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException {
        return SearchResult.offers(List.of());
    }

    @Override
    public NumberRecord acquireNumber(NumberRecord number) {
        return number;
    }

    @Override
    public NumberRecord disconnectNumber(NumberRecord number) {
        return number;
    }

    @Override
    public boolean shouldLookupCnam() {
        return false;
    }

    @Override
    public boolean isNumberBillable(NumberRecord number) {
        return false;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    /**
     * Sends {@code signal} (for example {@code -9} or {@code -STOP}) to the process this runs in with {@code kill},
     * then waits 5 s for it to act.
     */
    protected static void signalOwnProcess(String signal) {
        try {
            new ProcessBuilder("kill", signal, Long.toString(ProcessHandle.current().pid())).start().waitFor();
            Thread.sleep(5000);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts {@code count} daemon threads named {@code name-<i>}, each parked for good, ignoring interrupts. */
    protected static void parkThreadsForGood(int count, String name) {
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                while (true) {
                    LockSupport.park();
                }
            }, name + "-" + i);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Blocks for {@code millis}, ignoring interrupts: a hang the host can only abandon. */
    static void hang(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left; (left = end - System.nanoTime()) > 0; ) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException ignored) {
                // A hung carrier does not listen.
            }
        }
    }
}
