package org.carrierhost.host.http;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.manager.AcquireRequest;

/**
 * The body of {@code POST /api/numbers/{number}/acquire}: {@code {"account_id", "dry_run", "state", "carrier", "hold_id"}}, each
 * optional; any other field is refused.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param accountId the account that will hold the number, or null
 * @param dryRun    true to validate only, contacting no carrier; null is false
 * @param state     {@code in_service} (the default, for null) or {@code reserved}
 * @param carrier   the carrier whose offer to take (the one a search answer named), or null
 * @param holdId    the hold of the number for this account, which the acquire consumes (no release is sent), or null
 */
record AcquireBody(String accountId, Boolean dryRun, String state, String carrier, String holdId) {

    /** What the manager is asked. */
    AcquireRequest toRequest() {
        NumberState target = state == null ? NumberState.IN_SERVICE : NumberState.fromWireName(state).orElseThrow(() ->
                StandardException.of(ErrorCode.INVALID, "state must be in_service or reserved", "got '" + state + "'"));
        return new AcquireRequest(accountId, Boolean.TRUE.equals(dryRun), target, carrier, holdId);
    }
}
