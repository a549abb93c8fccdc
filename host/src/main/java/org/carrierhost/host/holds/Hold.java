package org.carrierhost.host.holds;

import java.time.Instant;
import java.util.List;

/**
 * Numbers held for an account until a time.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id        the hold's id
 * @param accountId the account it is for
 * @param state     active, or how it ended
 * @param createdAt when it was made, by the database's clock
 * @param expiresAt when it ends by itself: the earliest of its numbers'
 * @param numbers   its numbers
 */
public record Hold(String id, String accountId, HoldState state, Instant createdAt, Instant expiresAt, List<HeldNumber> numbers) {

    public Hold {
        numbers = List.copyOf(numbers);
    }
}
