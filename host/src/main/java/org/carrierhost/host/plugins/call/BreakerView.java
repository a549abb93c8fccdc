package org.carrierhost.host.plugins.call;

/**
 * A carrier's circuit breaker and bulkhead as the API shows them.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param state         {@code closed}, {@code open} or {@code half_open}
 * @param failureRate   the share of judged calls that failed, in percent (0 until enough calls were made)
 * @param calls         the calls it currently judges
 * @param failedCalls   of those, how many failed or missed their deadline
 * @param rejectedCalls calls answered at once because the circuit was open
 * @param retryInSeconds while open: seconds until it lets a probe through
 * @param running       calls of this carrier running now
 * @param maxConcurrent the bulkhead's bound on {@code running}
 * @param lingering     calls that outlived their deadline and still run (a carrier ignoring interrupts)
 */
public record BreakerView(String state, float failureRate, int calls, int failedCalls, long rejectedCalls,
                          long retryInSeconds, int running, int maxConcurrent, int lingering) {
}
