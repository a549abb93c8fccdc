package org.carrierhost.host.manager;

import java.util.Map;

import org.carrierhost.api.NumberState;

/**
 * One number in a search's answer.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param number  E.164
 * @param carrier the carrier that offered it (the first in {@code carriers.order} when several did)
 * @param state   {@code available} for local stock, {@code discovery} for a carrier's offer
 * @param data    the carrier's data about it
 */
public record FoundNumber(String number, String carrier, NumberState state, Map<String, Object> data) {

    public FoundNumber {
        data = Map.copyOf(data);
    }
}
