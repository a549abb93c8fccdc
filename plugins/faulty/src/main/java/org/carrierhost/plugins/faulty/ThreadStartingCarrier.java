package org.carrierhost.plugins.faulty;

import org.carrierhost.api.CarrierContext;

/**
 * Starts a thread in {@code start} and leaves it running when stopped; the thread ends when interrupted.
 *
 * <p>Thread-safe: stateless.
 */
public class ThreadStartingCarrier extends QuietCarrier {

    @Override
    public void start(CarrierContext context) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException ended) {
                // Interrupted at unload: the thread ends.
            }
        }, "faulty-sleeper");
        thread.setDaemon(true);
        thread.start();
    }
}
