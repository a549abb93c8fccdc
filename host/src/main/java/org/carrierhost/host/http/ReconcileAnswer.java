package org.carrierhost.host.http;

import java.util.List;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.reconcile.Drift;
import org.carrierhost.host.reconcile.DriftRow;
import org.carrierhost.host.reconcile.Reconciliation;

/**
 * A reconciliation as the API shows it: {@code {"id", "carrier", "at", "actor", "checked", "only_at_carrier": [...],
 * "only_here": [...], "state_differs": [...]}}, each row {@code {"number", "here", "at_carrier", "resolution",
 * "resolved_by", "resolved_at"}}.
 *
 * <p>Thread-safe: an immutable value.
 */
record ReconcileAnswer(long id, String carrier, String at, String actor, int checked, List<Row> onlyAtCarrier, List<Row> onlyHere,
                       List<Row> stateDiffers) {

    /** One row; {@code resolution} is null while it is open. */
    record Row(String number, String here, String atCarrier, String resolution, String resolvedBy, String resolvedAt) {

        static Row of(DriftRow row) {
            return new Row(row.number(), name(row.here()), name(row.atCarrier()), row.resolution() == null ? null : row.resolution().wireName(),
                    row.resolvedBy(), row.resolvedAt() == null ? null : row.resolvedAt().toString());
        }
    }

    static ReconcileAnswer of(Reconciliation r) {
        return new ReconcileAnswer(r.id(), r.carrier(), r.at().toString(), r.actor(), r.checked(), rows(r, Drift.ONLY_AT_CARRIER),
                rows(r, Drift.ONLY_HERE), rows(r, Drift.STATE_DIFFERS));
    }

    private static List<Row> rows(Reconciliation r, Drift kind) {
        return r.of(kind).stream().map(Row::of).toList();
    }

    private static String name(NumberState state) {
        return state == null ? null : state.wireName();
    }
}
