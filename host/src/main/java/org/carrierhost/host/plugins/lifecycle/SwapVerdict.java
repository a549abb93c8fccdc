package org.carrierhost.host.plugins.lifecycle;

import java.util.Optional;

import org.carrierhost.api.SelfTestResult.Outcome;
import org.carrierhost.host.config.SelfTestSettings.OnInconclusive;
import org.carrierhost.host.plugins.PluginFailure;

/**
 * What becomes of a new version of a serving carrier, judged by its self-test beside the serving version's, run at
 * the same moment: a carrier outage is not a bad version. The new version serves when it passed (or has no
 * self-test), or was inconclusive under {@code plugins.selftest.on_inconclusive=keep}. Otherwise the serving version
 * serves on, and the verdict says why: the new one failed where the old one passed (a {@link Why#REGRESSION}); the
 * old one did not pass either (the carrier looks down, not the version: {@link Why#CARRIER_DOWN}); the new one was
 * inconclusive where the old one passed ({@link Why#UNPROVEN}); or the old one has no self-test, or none answered,
 * and the new one is judged alone ({@link Why#ALONE}), as before serving versions were compared.
 *
 * <p>Thread-safe: immutable values.
 */
sealed interface SwapVerdict {

    /** The new version's self-test, which carries the serving version's beside it when that one ran. */
    SelfTestRun next();

    /** The new version serves. */
    record Serve(SelfTestRun next) implements SwapVerdict {
    }

    /** The serving version serves on, for {@code why}. */
    record Keep(Why why, SelfTestRun next) implements SwapVerdict {

        /** Why {@link #next()}'s version must not serve, shown on carrier {@code id}, whose {@code serving} serves on. */
        PluginFailure failure(String id, String serving) {
            SelfTestRun old = next.serving();
            String head = "self-test " + next.outcomeName() + ": " + id + " " + next.version();
            String message = switch (why) {
                case ALONE -> head + " refused, " + serving + " serves on";
                case REGRESSION -> head + " refused as a regression, " + serving + " serves on: " + next.version() + " "
                        + next.outcomeName() + " where " + old.version() + " passed at the same moment";
                case UNPROVEN -> head + " refused, " + serving + " serves on: " + next.version() + " inconclusive where "
                        + old.version() + " passed at the same moment";
                case CARRIER_DOWN -> head + " not served, " + serving + " serves on: the old version " + old.version() + " "
                        + (old.outcome() == Outcome.FAILED ? "failed" : "was inconclusive in")
                        + " its self-test too: the carrier looks down, not the version";
            };
            String cause = next.summary();
            if (old != null && why != Why.ALONE && !old.summary().isEmpty()) {
                cause = cause + " | " + old.version() + ": " + old.summary();
            }
            return PluginFailure.now(message, cause);
        }
    }

    /** Why the serving version serves on. */
    enum Why {
        /** The old version has no self-test, or none answered: the new one's own verdict refused it. */
        ALONE,
        /** The new version failed where the old one passed. */
        REGRESSION,
        /** The new version was inconclusive where the old one passed. */
        UNPROVEN,
        /** The old version did not pass either: the carrier looks down. */
        CARRIER_DOWN
    }

    /** Why the new version must not serve, or empty when it serves. */
    default Optional<PluginFailure> refusal(String id, String serving) {
        return this instanceof Keep keep ? Optional.of(keep.failure(id, serving)) : Optional.empty();
    }

    /**
     * Judges {@code next}, the new version's self-test, beside {@link SelfTestRun#serving()}, the serving version's
     * (null when it did not run), under {@code onInconclusive}.
     */
    static SwapVerdict judge(SelfTestRun next, OnInconclusive onInconclusive) {
        Outcome outcome = next.outcome();
        if (outcome == Outcome.PASSED || outcome == Outcome.NOT_IMPLEMENTED
                || outcome == Outcome.INCONCLUSIVE && onInconclusive == OnInconclusive.KEEP) {
            return new Serve(next);
        }
        SelfTestRun old = next.serving();
        if (old == null || old.outcome() == Outcome.NOT_IMPLEMENTED) {
            return new Keep(Why.ALONE, next);
        }
        if (old.outcome() != Outcome.PASSED) {
            return new Keep(Why.CARRIER_DOWN, next);
        }
        return new Keep(outcome == Outcome.FAILED ? Why.REGRESSION : Why.UNPROVEN, next);
    }
}
