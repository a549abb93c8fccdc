package org.carrierhost.host.registry;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * E.164 numbers held as their digits in one {@code long[]}: a million of them take 8 MB instead of a million strings.
 * Reads as a list of strings ({@code "+" + digits}), each made when it is read, so a large import, its registry write and
 * its report need not hold a string per number. E.164 has at most 15 digits and no leading zero after {@code +}, so
 * every E.164 number fits and reads back the same.
 *
 * <p>Thread-safe: immutable once built; a {@link Builder} is not, and is owned by one thread.
 */
public final class NumberList extends AbstractList<String> implements RandomAccess {

    private static final NumberList EMPTY = new NumberList(new long[0], 0);
    /** The largest value of 15 digits. */
    private static final long MAX = 999_999_999_999_999L;

    private final long[] digits;
    private final int size;

    private NumberList(long[] digits, int size) {
        this.digits = digits;
        this.size = size;
    }

    /** No numbers. */
    public static NumberList of() {
        return EMPTY;
    }

    /** {@code numbers}, each E.164. */
    public static NumberList of(Iterable<String> numbers) {
        Builder list = new Builder();
        numbers.forEach(list::add);
        return list.build();
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

    @Override
    public String get(int index) {
        return number(digitsAt(index));
    }

    /** The digits of the number at {@code index}. */
    public long digitsAt(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return digits[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** The same numbers in ascending order (a B-tree takes keys in order fastest). */
    public NumberList sorted() {
        long[] copy = Arrays.copyOf(digits, size);
        Arrays.sort(copy);
        return new NumberList(copy, size);
    }

    /**
     * A list being built, by one thread.
     *
     * <p>Not thread-safe: owned by the thread that fills it.
     */
    public static final class Builder {

        private long[] digits = new long[16];
        private int size;

        /**
         * Adds {@code number}.
         *
         * @throws IllegalArgumentException when it is not E.164
         */
        public Builder add(String number) {
            long value = digits(number);
            if (value < 0) {
                throw new IllegalArgumentException("not an E.164 number: " + number);
            }
            return add(value);
        }

        /** Adds the number of {@code value}, as {@link #digits} gives it. */
        public Builder add(long value) {
            if (size == digits.length) {
                digits = Arrays.copyOf(digits, Math.max(16, size * 2));
            }
            digits[size++] = value;
            return this;
        }

        /** How many were added. */
        public int size() {
            return size;
        }

        /** The numbers added, in the order added. */
        public NumberList build() {
            return size == 0 ? EMPTY : new NumberList(Arrays.copyOf(digits, size), size);
        }
    }
}
