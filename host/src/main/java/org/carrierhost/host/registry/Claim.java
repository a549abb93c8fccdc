package org.carrierhost.host.registry;

import java.util.Objects;

import org.carrierhost.api.NumberRecord;

/**
 * The right to change one number: held by the single caller whose acquire or disconnect won the race,
 * until it {@linkplain NumberRegistry#complete completes} or {@linkplain NumberRegistry#release releases}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param record the number as it was when claimed
 * @param token  the claim's secret, checked on completion
 */
public record Claim(NumberRecord record, String token) {

    public Claim {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(token, "token");
    }
}
