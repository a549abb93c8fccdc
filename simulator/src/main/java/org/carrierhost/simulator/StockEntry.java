package org.carrierhost.simulator;

import java.util.Objects;

/**
 * One number the simulator can offer, with the details Bandwidth returns for it.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param number     ten digits, for example {@code 9733701000}
 * @param city       the city, or empty
 * @param rateCenter the rate center, or empty
 * @param lata       the LATA, or empty
 * @param state      the two-letter state, or empty
 */
public record StockEntry(String number, String city, String rateCenter, String lata, String state) {

    public StockEntry {
        Objects.requireNonNull(number, "number");
        if (!number.matches("[2-9]\\d{9}")) {
            throw new IllegalArgumentException("not a ten-digit NANP number: " + number);
        }
        city = city == null ? "" : city;
        rateCenter = rateCenter == null ? "" : rateCenter;
        lata = lata == null ? "" : lata;
        state = state == null ? "" : state;
    }

    /** Whether the number is in a toll-free NPA. */
    public boolean tollFree() {
        return Stock.TOLL_FREE_NPAS.contains(number.substring(0, 3));
    }
}
