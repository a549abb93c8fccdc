package org.carrierhost.host.plugins.rollout;

/**
 * What one window says of a canary.
 *
 * <p>Thread-safe: immutable values.
 */
public sealed interface Verdict {

    /** Why, in words for the operator. */
    String reason();

    /** The canary did no worse than the stable version: it takes the next step. */
    record Pass(String reason) implements Verdict {
    }

    /** Too few calls to tell: the step holds, and is judged again after the next window. */
    record Hold(String reason) implements Verdict {
    }

    /** The canary did worse: it is rolled back. */
    record Fail(String reason) implements Verdict {
    }
}
