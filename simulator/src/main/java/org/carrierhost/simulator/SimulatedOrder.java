package org.carrierhost.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One number order or disconnect order the simulator received, and how it is going to end.
 *
 * <p>Thread-safe: the only mutable part, the poll countdown, is guarded by the instance lock.
 */
final class SimulatedOrder {

    /** How the order ends once its polls are spent. */
    enum Outcome { COMPLETE, FAILED, PARTIAL, PENDING }

    final String id;
    final String name;
    final String customerOrderId;
    final String siteId;
    final String peerId;
    final List<String> numbers;
    final Outcome outcome;
    final String errorCode;
    final String errorDescription;
    final Instant created = Instant.now();
    private int pollsLeft;

    SimulatedOrder(String id, String name, String customerOrderId, String siteId, String peerId, List<String> numbers,
                   Outcome outcome, String errorCode, String errorDescription, int polls) {
        this.id = id;
        this.name = name;
        this.customerOrderId = customerOrderId;
        this.siteId = siteId;
        this.peerId = peerId;
        this.numbers = List.copyOf(numbers);
        this.outcome = outcome;
        this.errorCode = errorCode;
        this.errorDescription = errorDescription;
        this.pollsLeft = polls;
    }

    /** The status a read now answers; each read spends one poll. */
    synchronized String poll() {
        if (pollsLeft > 0) {
            pollsLeft--;
            return "RECEIVED";
        }
        return outcome == Outcome.PENDING ? "RECEIVED" : outcome.name();
    }
}
