package org.carrierhost.host.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.manager.ImportReport;
import org.carrierhost.host.manager.ImportResult;

/**
 * A stock import's report, as a summary: {@code {carrier, added, present, invalid, present_numbers, invalid_inputs}}. The
 * added numbers are counted; the numbers already present are listed by their state, and the inputs that are not numbers
 * with the reason (the first {@value ImportReport#LISTED_INVALID}), so the answer to a million-number import stays small.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param carrier        the carrier filled
 * @param added          numbers added
 * @param present        numbers it already had, or listed twice
 * @param invalid        inputs that are not numbers
 * @param presentNumbers those numbers (E.164), by their state's wire name, each list in ascending order
 * @param invalidInputs  those inputs, in the order listed
 */
record ImportAnswer(String carrier, long added, long present, long invalid, Map<String, List<String>> presentNumbers,
                    List<Invalid> invalidInputs) {

    static ImportAnswer of(ImportReport report) {
        Map<String, List<String>> present = new LinkedHashMap<>();
        report.presentByState().forEach((state, numbers) -> present.put(state.wireName(), numbers));
        return new ImportAnswer(report.carrier(), report.added(), report.present(), report.invalid(), present,
                report.invalidInputs().stream().map(Invalid::of).toList());
    }

    /**
     * An input that is not a number.
     *
     * @param index  its position in the list, from 0 (a CSV's row i is line i + 2 when no line is blank)
     * @param input  as given
     * @param reason why it is not a number
     */
    record Invalid(int index, String input, String reason) {

        static Invalid of(ImportResult.Invalid invalid) {
            return new Invalid(invalid.index(), invalid.input(), invalid.reason());
        }
    }
}
