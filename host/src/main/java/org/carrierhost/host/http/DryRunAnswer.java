package org.carrierhost.host.http;

import org.carrierhost.api.NumberRecord;

/**
 * What {@code POST /api/numbers/{number}/acquire} with {@code "dry_run": true} answers: the acquire would be taken,
 * by which carrier, and the state the number would reach. It has no {@code state} and no carrier {@code data}, so it
 * cannot be read as a stored number: nothing was stored and no carrier was called.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param dryRun    always true
 * @param number    E.164
 * @param carrier   the carrier that would be asked
 * @param wouldBe   the state the number would reach: {@code in_service} or {@code reserved}
 * @param accountId the account it would be acquired for, or null
 */
record DryRunAnswer(boolean dryRun, String number, String carrier, String wouldBe, String accountId) {

    static DryRunAnswer of(NumberRecord wouldStore) {
        return new DryRunAnswer(true, wouldStore.number(), wouldStore.carrier(), wouldStore.state().wireName(),
                wouldStore.accountId());
    }
}
