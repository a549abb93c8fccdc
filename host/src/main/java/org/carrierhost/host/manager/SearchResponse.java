package org.carrierhost.host.manager;

import java.util.List;

import org.carrierhost.host.errors.StandardError;

/**
 * A search's answer: the numbers found, and one error per carrier that failed. One bad carrier never
 * fails the whole search.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param numbers the numbers, sorted, without duplicates
 * @param errors  one entry per failed carrier, with the carrier named
 */
public record SearchResponse(List<FoundNumber> numbers, List<StandardError> errors) {

    public SearchResponse {
        numbers = List.copyOf(numbers);
        errors = List.copyOf(errors);
    }
}
