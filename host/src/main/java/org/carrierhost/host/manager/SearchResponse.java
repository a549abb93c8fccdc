package org.carrierhost.host.manager;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param carriers for each carrier asked, by id, which filters it applied, approximated or ignored, and how many of its
 *                 offers the host dropped for breaking one
 */
public record SearchResponse(List<FoundNumber> numbers, List<StandardError> errors, List<String> notes,
                             List<SkippedCarrier> skipped, Map<String, FilterReport> carriers) {

    public SearchResponse {
        numbers = List.copyOf(numbers);
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
        skipped = List.copyOf(skipped);
        carriers = carriers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(carriers));
    }

    /** An answer without a report of filters. */
    public SearchResponse(List<FoundNumber> numbers, List<StandardError> errors, List<String> notes,
                          List<SkippedCarrier> skipped) {
        this(numbers, errors, notes, skipped, Map.of());
    }

    /** An answer with nothing to note and no carrier skipped. */
    public SearchResponse(List<FoundNumber> numbers, List<StandardError> errors) {
        this(numbers, errors, List.of(), List.of(), Map.of());
    }
}
