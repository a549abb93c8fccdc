package org.carrierhost.plugins.mock;

/**
 * The mock carrier's finite, ordered stock under a prefix: the prefix followed by subscriber digits
 * counting up from 9 followed by zeros (so {@code +1415} gives {@code +14159000000},
 * {@code +14159000001}, ...). North American numbers have 11 digits, others 12. The demo numbers sit at
 * the top of each range so that a system's own stock (searched beside the mock in a demo) sorts first.
 *
 * <p>Thread-safe: immutable.
 */
record MockNumbering(String prefix, int freeDigits) {

    static MockNumbering under(String e164Prefix) {
        String digits = e164Prefix.substring(1);
        int length = digits.startsWith("1") ? 11 : 12;
        return new MockNumbering(e164Prefix, Math.max(0, length - digits.length()));
    }

    /** Whether the stock has an {@code index}-th number. */
    boolean has(long index) {
        if (freeDigits == 0) {
            return index == 0;
        }
        return index >= 0 && first() + index < (long) Math.pow(10, freeDigits);
    }

    /** The {@code index}-th number of the stock. */
    String numberAt(long index) {
        if (freeDigits == 0) {
            return prefix;
        }
        String suffix = Long.toString(first() + index);
        return prefix + "0".repeat(freeDigits - suffix.length()) + suffix;
    }

    private long first() {
        return 9 * (long) Math.pow(10, freeDigits - 1);
    }
}
