package org.carrierhost.plugins.bandwidth;

import java.time.Duration;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

/**
 * Reads a pending order again, at a fixed interval, until it is no longer pending or its time is up.
 * Every failure names the order id, since the order may go on at Bandwidth and an operator must be able
 * to reconcile it.
 *
 * <p>Thread-safe: an immutable value; each {@link #await} keeps its state on the caller's stack.
 *
 * @param interval how long to wait between reads
 * @param timeout  how long the order may stay pending in all
 */
public record OrderPoller(Duration interval, Duration timeout) {

    /** One read of the order's status. */
    @FunctionalInterface
    public interface StatusRead {
        OrderStatus read() throws CarrierException;
    }

    /**
     * Reads {@code first}'s order until it is settled.
     *
     * @param kind what is polled, for messages: {@code order} or {@code disconnect}
     * @throws CarrierException {@link ErrorCode#TIMEOUT} when still pending after {@link #timeout()} or when
     *                          interrupted; a read's own failure, with the order id added to its detail
     */
    public OrderStatus await(String kind, OrderStatus first, StatusRead read) throws CarrierException {
        long deadline = System.nanoTime() + timeout.toNanos();
        OrderStatus current = first;
        while (current.pending()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new CarrierException(ErrorCode.TIMEOUT, "bandwidth " + kind + " still pending",
                        kind + " " + first.id() + " still " + current.status() + " after " + timeout.toMillis()
                                + " ms; check it at Bandwidth before trying again");
            }
            try {
                Thread.sleep(Math.max(1, Math.min(interval.toMillis(), Duration.ofNanos(left).toMillis())));
            } catch (InterruptedException e) {
                throw Interruption.timeout(kind + " " + first.id() + " was still " + current.status());
            }
            try {
                current = read.read();
            } catch (CarrierException e) {
                throw new CarrierException(e.code(), e.getMessage(), kind + " " + first.id() + ": " + e.detail(), e);
            }
        }
        return current;
    }
}
