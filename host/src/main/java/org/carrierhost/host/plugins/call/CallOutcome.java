package org.carrierhost.host.plugins.call;

import org.carrierhost.host.errors.StandardError;

/**
 * What one carrier did with one call: answered, or failed with a standard error.
 *
 * <p>Thread-safe: both shapes are immutable values (the answer is whatever the carrier returned).
 *
 * @param <T> the answer's type
 */
public sealed interface CallOutcome<T> {

    /** The carrier called. */
    String carrierId();

    /** It answered in time. */
    record Answered<T>(String carrierId, T value) implements CallOutcome<T> {
    }

    /**
     * It failed, missed the deadline, or could not be called.
     *
     * @param notServing true when it could not be called because nothing of it served at that moment (an
     *                   operator disabled or removed it): a search of every carrier leaves it out
     */
    record Failed<T>(String carrierId, StandardError error, boolean notServing) implements CallOutcome<T> {

        /** A failure of a carrier that was serving. */
        public Failed(String carrierId, StandardError error) {
            this(carrierId, error, false);
        }
    }
}
