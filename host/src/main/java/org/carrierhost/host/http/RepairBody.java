package org.carrierhost.host.http;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.reconcile.Repair;

/**
 * The body of {@code POST /api/carriers/{id}/reconcile/{report}/rows/{number}}: {@code {"action", "account_id"}}, the
 * action required ({@code release_at_carrier}, {@code adopt} or {@code mark_checked}); any other field is refused.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param action    the repair
 * @param accountId for {@code adopt} of a number only the carrier has, the account that holds it; else null
 */
record RepairBody(String action, String accountId) {

    Repair repair() {
        if (action == null) {
            throw StandardException.of(ErrorCode.INVALID, "action is required", "release_at_carrier, adopt or mark_checked");
        }
        return Repair.fromWireName(action).orElseThrow(() -> StandardException.of(ErrorCode.INVALID, "unknown action '" + action + "'",
                "release_at_carrier, adopt or mark_checked"));
    }
}
