package org.carrierhost.host.manager;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.carrierhost.api.NumberState;

/**
 * The outcome of a stock import, as a summary: how many numbers were added, the numbers already present listed by
 * their state, and the inputs that are not numbers listed with the reason. The added numbers are only counted, so the
 * report of a million-number import is not a million lines.
 *
 * <p>Thread-safe: an immutable value (the lists it is given are not changed after).
 *
 * @param carrier        the carrier whose stock it is
 * @param added          how many numbers were added
 * @param presentByState the numbers (E.164) already stored, or listed twice in the import, by their state, each in
 *                       ascending order
 * @param invalid        how many inputs were not phone numbers
 * @param invalidInputs  those inputs, in the order listed, at most {@link #LISTED_INVALID} of them
 */
public record ImportReport(String carrier, long added, Map<NumberState, List<String>> presentByState, long invalid,
                           List<ImportResult.Invalid> invalidInputs) {

    /** The most invalid inputs a report lists; beyond them, {@link #invalid} still counts them all. */
    public static final int LISTED_INVALID = 10_000;

    public ImportReport {
        Objects.requireNonNull(carrier, "carrier");
        presentByState = presentByState.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(presentByState));
        invalidInputs = List.copyOf(invalidInputs);
    }

    /** How many numbers were already stored (or listed twice). */
    public long present() {
        return presentByState.values().stream().mapToLong(List::size).sum();
    }
}
