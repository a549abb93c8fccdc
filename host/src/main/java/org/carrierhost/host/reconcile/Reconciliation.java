package org.carrierhost.host.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * One reconciliation of a carrier: how many numbers it checked, and every row of drift.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id      its id
 * @param carrier the carrier
 * @param at      when it ran
 * @param actor   who ran it ({@code scheduler} for a scheduled run)
 * @param checked how many distinct numbers it compared
 * @param rows    the drift found
 */
public record Reconciliation(long id, String carrier, Instant at, String actor, int checked, List<DriftRow> rows) {

    public Reconciliation {
        rows = List.copyOf(rows);
    }

    /** The rows of {@code kind}. */
    public List<DriftRow> of(Drift kind) {
        return rows.stream().filter(r -> r.kind() == kind).toList();
    }
}
