package org.carrierhost.plugins.faulty;

import org.carrierhost.api.CarrierContext;

/**
 * Starts a daemon thread in {@code start} that waits quietly until it is interrupted (the host interrupts a
 * plugin's threads when it unloads it), then spins a CPU for six seconds, ignoring further interrupts, and ends:
 * a carrier that burns CPU after it was disabled, for a bounded time so a test run is not slowed for long.
 *
 * <p>Thread-safe: stateless.
 */
public class SpinAfterStopCarrier extends QuietCarrier {

    private static final long SPIN_NANOS = 6_000_000_000L;

    @Override
    public void start(CarrierContext context) {
        Thread thread = new Thread(SpinAfterStopCarrier::waitThenSpin, "faulty-spinner");
        thread.setDaemon(true);
        thread.start();
    }

    private static void waitThenSpin() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException unloaded) {
            long end = System.nanoTime() + SPIN_NANOS;
            long spins = 0;
            while (System.nanoTime() < end) {
                spins++;
            }
            if (spins < 0) {
                throw new IllegalStateException("never");
            }
        }
    }
}
