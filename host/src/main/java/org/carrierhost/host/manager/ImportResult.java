package org.carrierhost.host.manager;

import java.util.Objects;

/**
 * What a stock import reports of a number of its list that it did not add.
 *
 * <p>Thread-safe: every shape is an immutable value.
 */
public sealed interface ImportResult {

    /** The number as the caller wrote it. */
    String input();

    /**
     * Not a phone number; not added.
     *
     * @param index  its position in the import's list, from 0
     * @param input  as written
     * @param reason why it was refused
     */
    record Invalid(int index, String input, String reason) implements ImportResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
