package org.carrierhost.host.plugins.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.carrierhost.api.SelfTestRequest;
import org.carrierhost.api.SelfTestResult;

/**
 * One self-test of one version of a carrier, as the host ran and judged it.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param carrier the carrier id
 * @param version the version tested
 * @param purpose why it ran
 * @param outcome the verdict
 * @param checks  the named checks
 * @param at      when it ended
 * @param took    how long it took
 * @param serving the self-test of the version that served, run at the same moment, when this one was of a new version
 *                about to take over; null otherwise
 */
public record SelfTestRun(String carrier, String version, SelfTestRequest.Purpose purpose, SelfTestResult.Outcome outcome,
                          List<SelfTestResult.Check> checks, Instant at, Duration took, SelfTestRun serving) {

    public SelfTestRun {
        checks = List.copyOf(checks);
    }

    /** This run, with {@code old}, the serving version's run at the same moment, beside it. */
    public SelfTestRun beside(SelfTestRun old) {
        return new SelfTestRun(carrier, version, purpose, outcome, checks, at, took, old);
    }

    /** The verdict as the API shows it: {@code passed}, {@code failed}, {@code inconclusive} or {@code not_implemented}. */
    public String outcomeName() {
        return wire(outcome);
    }

    /** An outcome as the API shows it. */
    public static String wire(SelfTestResult.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /** The checks that did not pass, each as {@code name: outcome (detail)}; "" when all did. */
    public String summary() {
        return checks.stream().filter(c -> c.outcome() != SelfTestResult.Outcome.PASSED)
                .map(c -> c.name() + ": " + wire(c.outcome()) + (c.detail() == null ? "" : " (" + c.detail() + ")"))
                .collect(Collectors.joining("; "));
    }
}
