package org.carrierhost.api;

import java.util.List;
import java.util.Objects;

/**
 * One page of the numbers a carrier says the account holds: what {@link CarrierExtension#inventory} returns.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param numbers the numbers of this page, each with its state where the carrier knows it
 * @param more    whether a next page may hold more
 */
public record InventoryPage(List<Entry> numbers, boolean more) {

    public InventoryPage {
        numbers = List.copyOf(numbers);
    }

    /**
     * One number the carrier says the account holds.
     *
     * @param number E.164
     * @param state  its state as the carrier sees it ({@link NumberState#IN_SERVICE}, {@link NumberState#RESERVED},
     *               ...), or null when the carrier does not say
     */
    public record Entry(String number, NumberState state) {
        public Entry {
            Objects.requireNonNull(number, "number");
        }
    }
}
