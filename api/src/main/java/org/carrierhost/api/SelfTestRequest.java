package org.carrierhost.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What the host asks of a self-test ({@link CarrierExtension#selfTest(SelfTestRequest)}): why it runs, by when it
 * must answer, how many remote calls it may make, and the calls it makes them through.
 *
 * <p>Thread-safe: an immutable value; {@link #calls()} is the host's, and thread-safe.
 *
 * @param purpose  why it runs
 * @param deadline how long it has; the host interrupts it then and answers for it
 * @param budget   how many remote calls it may make: a few cheap ones
 * @param calls    where it makes its number calls: searches reach this version, acquires and disconnects are refused
 */
public record SelfTestRequest(Purpose purpose, Duration deadline, int budget, SelfTestCalls calls) {

    /** Why a self-test runs. */
    public enum Purpose {
        /** A new version, before it takes traffic. */
        ACTIVATION,
        /** An operator asked for it. */
        ON_DEMAND,
        /** A periodic check of the version that serves. */
        PERIODIC
    }

    public SelfTestRequest {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(calls, "calls");
    }

    /** An on-demand request to {@code carrier} outside a host, for a carrier's own tests: 10 s, 3 searches, {@link SelfTestCalls#direct}. */
    public static SelfTestRequest direct(CarrierExtension carrier) {
        return new SelfTestRequest(Purpose.ON_DEMAND, Duration.ofSeconds(10), 3, SelfTestCalls.direct(carrier));
    }
}
