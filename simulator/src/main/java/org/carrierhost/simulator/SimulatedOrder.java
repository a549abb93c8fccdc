package org.carrierhost.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One number order or disconnect order the simulator received, and how it is going to end.
 *
 * <p>Thread-safe: the only mutable part, the poll countdown, is guarded by the instance lock.
 */
final class SimulatedOrder {

    /** How the order ends once its polls are spent, and the {@code OrderStatus} it then shows. */
    enum Outcome {
        COMPLETE("COMPLETE", true), FAILED("FAILED", false), PARTIAL("PARTIAL", false),
        PARTIAL_WITH_NUMBER("PARTIAL", true), PENDING("RECEIVED", false);

        final String status;
        /** Whether the ordered numbers end up completed. */
        final boolean completes;

        Outcome(String status, boolean completes) {
            this.status = status;
            this.completes = completes;
        }
    }

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

    /** Whether the order has ended; each call spends one poll until it has. */
    synchronized boolean poll() {
        if (pollsLeft > 0) {
            pollsLeft--;
            return false;
        }
        return outcome != Outcome.PENDING;
    }

    /** The {@code OrderStatus} a read shows: RECEIVED until settled, then the outcome's. */
    String status(boolean settled) {
        return settled ? outcome.status : "RECEIVED";
    }

    /** The numbers a read lists as completed: all of them once settled, if the outcome completes them. */
    List<String> completed(boolean settled) {
        return settled && outcome.completes ? numbers : List.of();
    }

    /** The numbers a read lists as failed, each with the order's error. */
    List<String> failed(boolean settled) {
        return settled && errorCode != null && !outcome.completes ? numbers : List.of();
    }

    /** An {@code ErrorList} entry per failed number, each naming its number. */
    void errorList(XmlBuilder xml, boolean settled) {
        xml.open("ErrorList");
        failed(settled).forEach(n -> xml.error(errorCode, errorDescription, n));
        xml.close();
    }

    /** Where the order can be read, for a placement's {@code Location} header. */
    String location(String collectionPath) {
        return (collectionPath.endsWith("/") ? collectionPath : collectionPath + "/") + id;
    }
}
