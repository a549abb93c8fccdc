package org.carrierhost.host.plugins;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

/**
 * The right to call one generation of a carrier. While a lease is open that generation is not unloaded,
 * so a call that began on a version finishes on it even when a swap happens meanwhile.
 *
 * <p>Not thread-safe to close twice from different threads; one lease serves one caller.
 */
public final class CarrierLease implements AutoCloseable {

    private final PluginGeneration generation;
    private final CarrierStats stats;
    private boolean closed;

    CarrierLease(PluginGeneration generation, CarrierStats stats) {
        this.generation = generation;
        this.stats = stats;
    }

    /** The carrier id. */
    public String carrierId() {
        return generation.id();
    }

    /** The version this lease calls. */
    public String version() {
        return generation.version();
    }

    /** Whether the carrier is local. */
    public boolean local() {
        return generation.local();
    }

    /**
     * Calls the carrier with its plugin's class loader as the thread's context class loader. A carrier
     * that throws anything but a {@link CarrierException} (a bug, or a class its unloaded loader can no
     * longer find) is answered as {@link ErrorCode#CARRIER_FAULT}.
     */
    public <T> T call(CarrierCall<T> call) throws CarrierException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(generation.classLoader());
        long start = System.nanoTime();
        boolean failed = true;
        try {
            T result = call.apply(generation.extension());
            failed = false;
            return result;
        } catch (RuntimeException | LinkageError e) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "carrier " + carrierId() + " failed unexpectedly",
                    TimeBox.describe(e), e);
        } finally {
            stats.record(System.nanoTime() - start, failed);
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            generation.leave();
        }
    }
}
