package org.carrierhost.host.manager;

import org.carrierhost.api.NumberState;

/**
 * How a number is to be acquired.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param accountId the account taking it, or null
 * @param dryRun    validate only: contact no carrier and change nothing
 * @param target    {@link NumberState#IN_SERVICE} (the default) or {@link NumberState#RESERVED}
 * @param carrier   the carrier whose offer to take, as a search answer named it, or null for the one this
 *                  host's searches remember, or else the first by {@code carriers.order} that offers it;
 *                  so a number found through one host of a cluster is acquired through another from the
 *                  carrier that offered it
 * @param holdId    the hold of the number for this account, which the acquire consumes, or null
 */
public record AcquireRequest(String accountId, boolean dryRun, NumberState target, String carrier, String holdId) {

    /** The longest account id stored. */
    public static final int MAX_ACCOUNT_ID = 128;

    public AcquireRequest {
        target = target == null ? NumberState.IN_SERVICE : target;
        if (accountId != null && accountId.length() > MAX_ACCOUNT_ID) {
            throw org.carrierhost.host.errors.StandardException.of(org.carrierhost.api.ErrorCode.INVALID,
                    "account_id is too long", accountId.length() + " characters, over the limit of " + MAX_ACCOUNT_ID);
        }
    }

    /** A request that names no hold. */
    public AcquireRequest(String accountId, boolean dryRun, NumberState target, String carrier) {
        this(accountId, dryRun, target, carrier, null);
    }

    /** A request that names no carrier and no hold. */
    public AcquireRequest(String accountId, boolean dryRun, NumberState target) {
        this(accountId, dryRun, target, null, null);
    }

    /** Put the number in service for {@code accountId}. */
    public static AcquireRequest forAccount(String accountId) {
        return new AcquireRequest(accountId, false, NumberState.IN_SERVICE);
    }
}
