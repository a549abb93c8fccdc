package org.carrierhost.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The switches of the simulator: failures it can be told to answer with, and the published variants of
 * Bandwidth's reply shapes (optional elements left out, alternate names) it can be told to answer in.
 *
 * <p>Thread-safe: an enum of constants.
 */
public enum Failure {
    /** New orders end FAILED with error 5018 (quantity unavailable). */
    ORDER_FAILED,
    /** New orders end PARTIAL with the ordered numbers among the failed ones, each error naming its number. */
    ORDER_PARTIAL,
    /** New orders end PARTIAL listing the ordered numbers under {@code CompletedNumbers/TelephoneNumber/FullNumber}. */
    ORDER_PARTIAL_WITH_NUMBER,
    /** The placement reply ({@code POST /orders} 201) carries no {@code OrderStatus}, as in the spec's example. */
    ORDER_PLACED_WITHOUT_STATUS,
    /** Order status reads ({@code GET /orders/{id}}) carry no {@code OrderStatus}, as in the node SDK's fixture. */
    ORDER_STATUS_MISSING,
    /** New orders are refused: 400 with {@code ErrorList/Error} code 5016 (the SiteId is invalid). */
    ORDER_REJECTED,
    /** New orders stay RECEIVED forever. */
    ORDER_PENDING,
    /** New disconnects end FAILED with error 5006 (not associated with your account). */
    DISCONNECT_FAILED,
    /** The disconnect placement reply carries no {@code OrderStatus}, as in the java SDK's fixture. */
    DISCONNECT_PLACED_WITHOUT_STATUS,
    /** New disconnects are refused: 400 with {@code ErrorList/Error} code 54321, the spec's example. */
    DISCONNECT_REJECTED,
    /** Searches answer 400 with error 4010. */
    SEARCH_INVALID,
    /** Search detail rows name the number in {@code TelephoneNumber} in place of {@code FullNumber}. */
    SEARCH_DETAIL_TELEPHONE_NUMBER,
    /** Every API request answers 503. */
    SERVER_ERROR,
    /** Searches answer a body with a DOCTYPE and an external entity. */
    XXE_REPLY;

    /** The name used on the admin path, for example {@code order_failed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Failure> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name.trim())).findFirst();
    }
}
