package org.carrierhost.host.manager;

import java.util.Objects;

import org.carrierhost.api.NumberState;

/**
 * What a stock import did with one number of its list.
 *
 * <p>Thread-safe: every shape is an immutable value.
 */
public sealed interface ImportResult {

    /** The number as the caller wrote it. */
    String input();

    /**
     * Added to the stock as {@code available}.
     *
     * @param input  as written
     * @param number its E.164 form
     */
    record Added(String input, String number) implements ImportResult {
        public Added {
            Objects.requireNonNull(number, "number");
        }
    }

    /**
     * Already stored (or listed earlier in the same import); left as it is.
     *
     * @param input  as written
     * @param number its E.164 form
     * @param state  its state now
     */
    record Present(String input, String number, NumberState state) implements ImportResult {
        public Present {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * Not a phone number; not added.
     *
     * @param input  as written
     * @param reason why it was refused
     */
    record Invalid(String input, String reason) implements ImportResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
