package org.carrierhost.plugins.faulty;

/**
 * A carrier whose {@code stop} hangs for 30 seconds, ignoring interrupts.
 *
 * <p>Thread-safe: stateless.
 */
public class HangingStopCarrier extends QuietCarrier {

    @Override
    public void stop() {
        hang(30_000);
    }
}
