package org.carrierhost.host.http;

import java.util.List;

import org.carrierhost.host.holds.Hold;

/**
 * A hold as the API shows it: {@code {"id", "account_id", "state", "created_at", "expires_at", "numbers": [{"number",
 * "carrier", "kind", "expires_at", "carrier_expires_at", "done"}]}}. A {@code soft} number is held within our hosts
 * only; its carrier does not know.
 *
 * <p>Thread-safe: an immutable value.
 */
record HoldAnswer(String id, String accountId, String state, String createdAt, String expiresAt, List<Held> numbers) {

    /** One held number. */
    record Held(String number, String carrier, String kind, String expiresAt, String carrierExpiresAt, boolean done) {
    }

    static HoldAnswer of(Hold hold) {
        return new HoldAnswer(hold.id(), hold.accountId(), hold.state().wireName(), hold.createdAt().toString(),
                hold.expiresAt().toString(), hold.numbers().stream().map(n -> new Held(n.number(), n.carrier(), n.kind().wireName(),
                        n.expiresAt().toString(), n.carrierExpiresAt() == null ? null : n.carrierExpiresAt().toString(), n.done()))
                .toList());
    }
}
