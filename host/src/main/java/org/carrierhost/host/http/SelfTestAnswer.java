package org.carrierhost.host.http;

import java.util.List;

import org.carrierhost.host.plugins.lifecycle.SelfTestRun;

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
 */
record SelfTestAnswer(String outcome, String version, String purpose, String at, long tookMs, List<CheckAnswer> checks) {

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

    static SelfTestAnswer of(SelfTestRun run) {
        return new SelfTestAnswer(run.outcomeName(), run.version(), run.purpose().name().toLowerCase(java.util.Locale.ROOT),
                ApiTime.of(run.at()), run.took().toMillis(), run.checks().stream()
                .map(c -> new CheckAnswer(c.name(), SelfTestRun.wire(c.outcome()), c.detail(), c.tookMs())).toList());
    }
}
