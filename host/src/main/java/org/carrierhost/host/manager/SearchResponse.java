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
 * @param notes   what the search could not do but answered without: numbers not checked against a slow registry
 * @param skipped each carrier left out because it cannot answer the search, with the reason
 */
public record SearchResponse(List<FoundNumber> numbers, List<StandardError> errors, List<String> notes,
                             List<SkippedCarrier> skipped) {

    public SearchResponse {
        numbers = List.copyOf(numbers);
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
        skipped = List.copyOf(skipped);
    }

    /** An answer with nothing to note and no carrier skipped. */
    public SearchResponse(List<FoundNumber> numbers, List<StandardError> errors) {
        this(numbers, errors, List.of(), List.of());
    }
}
