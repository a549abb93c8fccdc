package org.carrierhost.host.http;

import java.util.List;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.manager.ImportReport;
import org.carrierhost.host.manager.ImportResult;

/**
 * A stock import's report: {@code {carrier, added, present, invalid, results}}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param carrier the carrier filled
 * @param added   numbers added
 * @param present numbers it already had
 * @param invalid inputs that are not numbers
 * @param results one per input, in order
 */
record ImportAnswer(String carrier, long added, long present, long invalid, List<Result> results) {

    static ImportAnswer of(ImportReport report) {
        return of(report, NumberState.AVAILABLE);
    }

    /** The report of an import whose numbers were added in {@code addedIn} ({@code available} or {@code port_in}). */
    static ImportAnswer of(ImportReport report, NumberState addedIn) {
        return new ImportAnswer(report.carrier(), report.added(), report.present(), report.invalid(),
                report.results().stream().map(r -> Result.of(r, addedIn)).toList());
    }

    /**
     * What became of one input.
     *
     * @param input  as given
     * @param number the number it stands for, or null when invalid
     * @param result {@code added}, {@code present} or {@code invalid}
     * @param state  the number's state, or null when invalid
     * @param reason why it is invalid, or null
     */
    record Result(String input, String number, String result, String state, String reason) {

        static Result of(ImportResult result, NumberState addedIn) {
            if (result instanceof ImportResult.Added added) {
                return new Result(added.input(), added.number(), "added", addedIn.wireName(), null);
            }
            if (result instanceof ImportResult.Present present) {
                return new Result(present.input(), present.number(), "present", present.state().wireName(), null);
            }
            ImportResult.Invalid invalid = (ImportResult.Invalid) result;
            return new Result(invalid.input(), null, "invalid", null, invalid.reason());
        }
    }
}
