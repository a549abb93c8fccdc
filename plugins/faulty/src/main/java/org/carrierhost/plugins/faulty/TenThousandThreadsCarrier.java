package org.carrierhost.plugins.faulty;

import org.carrierhost.api.CarrierContext;

/**
 * Starts 10,000 daemon threads in {@code start}, each parked for good, ignoring interrupts: a carrier whose threads
 * would stay in whatever process ran it.
 *
 * <p>Thread-safe: stateless.
 */
public class TenThousandThreadsCarrier extends QuietCarrier {

    /** How many threads it leaves. */
    public static final int THREADS = 10_000;

    @Override
    public void start(CarrierContext context) {
        parkThreadsForGood(THREADS, "faulty-parked");
    }
}
