package org.carrierhost.plugins.bandwidth;

import java.time.Duration;
import java.util.function.Predicate;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

/**
 * Reads a placed order again, at a fixed interval, until it is finished or its time is up. The order may
 * go on at Bandwidth whatever happens here, so every failure names the order id, and a read that fails
 * or cannot be understood never ends the wait early unless it cannot get better (credentials refused, a
 * request refused as invalid): what is not known is said to be unknown, never a failure.
 *
 * <p>Thread-safe: an immutable value; each {@link #await} keeps its state on the caller's stack.
 *
 * @param interval how long to wait between reads
 * @param timeout  how long the order may take in all
 */
public record OrderPoller(Duration interval, Duration timeout) {

    /** One read of the order's status. */
    @FunctionalInterface
    public interface StatusRead {
        OrderStatus read() throws CarrierException;
    }

    /**
     * Reads {@code first}'s order until {@code finished} holds.
     *
     * @param kind what is polled, for messages: {@code order} or {@code disconnect}
     * @throws CarrierException {@link ErrorCode#TIMEOUT} when not finished after {@link #timeout()}, saying
     *                          whether it is still pending or its state is unknown, or when interrupted; a
     *                          read's failure that cannot get better, with the order id in its detail
     */
    public OrderStatus await(String kind, OrderStatus first, Predicate<OrderStatus> finished, StatusRead read)
            throws CarrierException {
        long deadline = System.nanoTime() + timeout.toNanos();
        OrderStatus current = first;
        CarrierException lastFailure = null;
        while (lastFailure != null || !finished.test(current)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw expired(kind, current, lastFailure);
            }
            try {
                Thread.sleep(Math.max(1, Math.min(interval.toMillis(), Duration.ofNanos(left).toMillis())));
            } catch (InterruptedException e) {
                throw Interruption.timeout(kind + " " + first.id() + " was placed; its state is "
                        + (current.known() ? current.status() : "unknown"));
            }
            try {
                current = read.read();
                lastFailure = null;
            } catch (CarrierException e) {
                if (e.code() == ErrorCode.CARRIER_UNAVAILABLE || e.code() == ErrorCode.INVALID) {
                    throw new CarrierException(e.code(), e.getMessage(), kind + " " + first.id()
                            + " was placed but its state is unknown: " + e.detail(), e);
                }
                lastFailure = e;
            }
        }
        return current;
    }

    private CarrierException expired(String kind, OrderStatus current, CarrierException lastFailure) {
        String after = " after " + timeout.toMillis() + " ms";
        String advice = "; check it at Bandwidth before trying again";
        if (lastFailure == null && current.known()) {
            return new CarrierException(ErrorCode.TIMEOUT, "bandwidth " + kind + " still pending",
                    kind + " " + current.id() + " still " + current.status() + after + advice);
        }
        String why = lastFailure != null ? "the last read failed: " + lastFailure.getMessage() + " ("
                + lastFailure.detail() + ")" : "no reply named its OrderStatus";
        return new CarrierException(ErrorCode.TIMEOUT, "bandwidth " + kind + " state unknown",
                kind + " " + current.id() + " was placed but its state is unknown" + after + ": " + why + advice,
                lastFailure);
    }
}
