package org.carrierhost.host.store;

/**
 * An E.164 number as its digits in one {@code long}, the compact form a large import and the registry's stock
 * writes hold numbers in (a million take 8 MB instead of a million strings). E.164 has at most 15 digits and no
 * leading zero after {@code +}, so every E.164 number fits and reads back the same.
 *
 * <p>Thread-safe: static functions of their arguments only.
 */
public final class NumberDigits {

    /** The largest value of 15 digits. */
    private static final long MAX = 999_999_999_999_999L;

    private NumberDigits() {
    }

    /**
     * The digits of {@code number} as a long, or -1 when it is not {@code +} and 1 to 15 digits, the first not 0 (then
     * it does not read back the same from its digits).
     */
    public static long digits(String number) {
        int length = number.length();
        if (length < 2 || length > 16 || number.charAt(0) != '+' || number.charAt(1) == '0') {
            return -1;
        }
        long value = 0;
        for (int i = 1; i < length; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The number of {@code digits}, as {@link #digits} took it apart. */
    public static String number(long digits) {
        if (digits <= 0 || digits > MAX) {
            throw new IllegalArgumentException("not the digits of an E.164 number: " + digits);
        }
        return "+" + digits;
    }
}
