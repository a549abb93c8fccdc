package org.carrierhost.host.http;

import java.util.List;

import org.carrierhost.host.plugins.lifecycle.SelfTestRun;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A self-test as the API answers it ({@code components/schemas/SelfTest}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param outcome {@code passed}, {@code failed}, {@code inconclusive} or {@code not_implemented}
 * @param version the version tested
 * @param purpose {@code activation} (before it served) or {@code on_demand}
 * @param at      when it ended
 * @param tookMs  how long it took
 * @param checks  its named checks
 * @param serving the version that served, self-tested at the same moment as this new one; left out otherwise
 */
record SelfTestAnswer(String outcome, String version, String purpose, String at, long tookMs, List<CheckAnswer> checks,
                      @JsonInclude(JsonInclude.Include.NON_NULL) ServingAnswer serving) {

    SelfTestAnswer {
        checks = List.copyOf(checks);
    }

    /**
     * One check.
     *
     * @param name    what was checked
     * @param outcome how it went, as {@link SelfTestAnswer#outcome()}
     * @param message what was seen, or null
     * @param tookMs  how long it took
     */
    record CheckAnswer(String name, String outcome, String message, long tookMs) {
    }

    /**
     * The serving version's self-test beside a new version's.
     *
     * @param outcome as {@link SelfTestAnswer#outcome()}
     * @param version the version that served
     */
    record ServingAnswer(String outcome, String version) {
    }

    static SelfTestAnswer of(SelfTestRun run) {
        return new SelfTestAnswer(run.outcomeName(), run.version(), run.purpose().name().toLowerCase(java.util.Locale.ROOT),
                ApiTime.of(run.at()), run.took().toMillis(), run.checks().stream()
                .map(c -> new CheckAnswer(c.name(), SelfTestRun.wire(c.outcome()), c.detail(), c.tookMs())).toList(),
                run.serving() == null ? null : new ServingAnswer(run.serving().outcomeName(), run.serving().version()));
    }
}
