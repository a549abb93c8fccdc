package org.carrierhost.host.http;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.errors.StandardException;

/**
 * The body of {@code POST /api/numbers/{e164}/move} ({@code {"state", "account_id"}}, state required) and of
 * {@code POST /api/numbers/{e164}/activate} ({@code {"account_id"}}, optional); any other field is refused.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param state     the state to move the number to, one of {@code GET /api/states}
 * @param accountId the account that holds the number after the move, or null
 */
record MoveBody(String state, String accountId) {

    /** The state asked for, which must be given and be one of the states. */
    NumberState target() {
        if (state == null) {
            throw StandardException.of(ErrorCode.INVALID, "state is required", "for example {\"state\":\"in_service\"}");
        }
        return NumberState.fromWireName(state).orElseThrow(() -> StandardException.of(ErrorCode.INVALID,
                "unknown state '" + state + "'", "the states are listed at GET /api/states"));
    }
}
