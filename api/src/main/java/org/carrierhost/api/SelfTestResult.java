package org.carrierhost.api;

import java.util.List;
import java.util.Objects;

/**
 * What a carrier's self-test ({@link CarrierExtension#selfTest(SelfTestRequest)}) found: one outcome and the named
 * checks that led to it, for example {@code configuration}, {@code credentials}, {@code reachability} and
 * {@code search}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param outcome the verdict
 * @param checks  the checks made, in order; may be empty
 */
public record SelfTestResult(Outcome outcome, List<Check> checks) {

    /** A self-test's verdict, or one check's. */
    public enum Outcome {
        /** Everything checked works. */
        PASSED,
        /** Something this version does is wrong: bad settings or credentials, or replies it cannot read. */
        FAILED,
        /** It could not tell, for example because the carrier is down: not the version's fault. */
        INCONCLUSIVE,
        /** The carrier has no self-test. */
        NOT_IMPLEMENTED
    }

    /**
     * One named check.
     *
     * @param name    what was checked, for example {@code credentials}
     * @param outcome how it went
     * @param detail  what was seen, for the operator; may be null
     * @param tookMs  how long it took, in milliseconds
     */
    public record Check(String name, Outcome outcome, String detail, long tookMs) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    public SelfTestResult {
        Objects.requireNonNull(outcome, "outcome");
        checks = List.copyOf(checks);
    }

    /** The answer of a carrier without a self-test. */
    public static SelfTestResult notImplemented() {
        return new SelfTestResult(Outcome.NOT_IMPLEMENTED, List.of());
    }

    /**
     * The verdict of {@code checks}: failed if any failed, else inconclusive if any was, else passed; not implemented
     * when there are none.
     */
    public static SelfTestResult of(List<Check> checks) {
        if (checks.isEmpty()) {
            return notImplemented();
        }
        Outcome outcome = checks.stream().anyMatch(c -> c.outcome() == Outcome.FAILED) ? Outcome.FAILED
                : checks.stream().anyMatch(c -> c.outcome() == Outcome.INCONCLUSIVE) ? Outcome.INCONCLUSIVE : Outcome.PASSED;
        return new SelfTestResult(outcome, checks);
    }
}
