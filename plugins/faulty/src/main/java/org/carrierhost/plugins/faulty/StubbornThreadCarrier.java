package org.carrierhost.plugins.faulty;

import org.carrierhost.api.CarrierContext;

/**
 * Starts a daemon thread in {@code start} that never stops, not even when interrupted.
 *
 * <p>Thread-safe: stateless.
 */
public class StubbornThreadCarrier extends QuietCarrier {

    @Override
    public void start(CarrierContext context) {
        Thread thread = new Thread(() -> hang(Long.MAX_VALUE / 4_000_000), "faulty-stubborn");
        thread.setDaemon(true);
        thread.start();
    }
}
