package org.carrierhost.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A phone number as the host knows it: the record carriers receive on acquire and disconnect, and
 * return updated.
 *
 * <p>Thread-safe: an immutable value; {@code data} is copied and unmodifiable.
 *
 * @param number    the number in E.164, for example {@code +14155550100}
 * @param state     where the number stands
 * @param carrier   the id of the carrier that offered or owns it
 * @param accountId the account holding it, or null
 * @param data      the carrier's own data about the number (order id, rate center, ...): JSON-like
 *                  values only (strings, numbers, booleans, lists and maps of those)
 */
public record NumberRecord(String number, NumberState state, String carrier, String accountId,
                           Map<String, Object> data) {

    public NumberRecord {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(carrier, "carrier");
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** This record in another state. */
    public NumberRecord withState(NumberState newState) {
        return new NumberRecord(number, newState, carrier, accountId, data);
    }

    /** This record held by another account (null for none). */
    public NumberRecord withAccountId(String newAccountId) {
        return new NumberRecord(number, state, carrier, newAccountId, data);
    }

    /** This record with {@code extra} merged over its carrier data. */
    public NumberRecord withData(Map<String, ?> extra) {
        Map<String, Object> merged = new LinkedHashMap<>(data);
        merged.putAll(extra);
        return new NumberRecord(number, state, carrier, accountId, merged);
    }
}
