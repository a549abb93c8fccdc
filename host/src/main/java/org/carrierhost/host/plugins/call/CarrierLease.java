package org.carrierhost.host.plugins.call;

import org.carrierhost.api.CarrierException;
import org.carrierhost.host.plugins.load.ContextLoader;
import org.carrierhost.host.plugins.load.Generation;

/**
 * The right to call one generation of a carrier. While a lease is open that generation is not unloaded,
 * so a call that began on a version finishes on it even when a swap happens meanwhile.
 *
 * <p>Thread-safe to close from any thread, once it was handed over: closing is idempotent and atomic.
 */
public final class CarrierLease implements AutoCloseable {

    private final Generation generation;
    private final CallObserver observer;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** A lease on {@code generation}, which the caller has {@linkplain Generation#enter() entered}. */
    public CarrierLease(Generation generation) {
        this(generation, CallObserver.NONE);
    }

    /** A lease on {@code generation} (entered by the caller) whose calls' ends {@code observer} is told. */
    public CarrierLease(Generation generation, CallObserver observer) {
        this.generation = generation;
        this.observer = observer;
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
     * longer find) is answered as a {@link PluginFault}.
     */
    <T> T call(CarrierCall<T> call) throws CarrierException, PluginFault {
        try (ContextLoader ignored = ContextLoader.use(generation.classLoader())) {
            return call.apply(generation.extension());
        } catch (CarrierException e) {
            throw e;
        } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
            throw new PluginFault(e);
        }
    }

    /** Tells this lease's observer how a call made on it ended. */
    void settled(CallKey key, long nanos, org.carrierhost.host.errors.StandardError error, Object value) {
        observer.settled(key, nanos, error, value);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            generation.leave();
        }
    }
}
