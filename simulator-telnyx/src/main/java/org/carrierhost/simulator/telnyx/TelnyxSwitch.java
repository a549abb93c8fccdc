package org.carrierhost.simulator.telnyx;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A variant of Telnyx's published behaviour the simulator can be switched into, one per variant.
 *
 * <p>Thread-safe: an enum of constants.
 */
public enum TelnyxSwitch {
    /** Searches ignore every filter and answer stock from anywhere, as Telnyx does with a misspelt filter. */
    IGNORE_FILTERS,
    /** Searches answer their totals under {@code metadata} instead of spec3.yml's {@code meta}. */
    METADATA_ENVELOPE,
    /** Orders stay {@code pending} for ever. */
    NEVER_COMPLETE,
    /** Every ordered number ends {@code failure}. */
    ORDER_FAILED,
    /** Of every two numbers that settle, the second ends {@code failure}. */
    FAIL_ONE_OF_TWO,
    /** {@code POST /number_orders} makes the order, then answers 500: a retry that re-POSTs buys twice. */
    ORDER_POST_5XX;

    /** The name used on {@code /_sim/failures}, for example {@code never_complete}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TelnyxSwitch> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equalsIgnoreCase(name.trim())).findFirst();
    }
}
