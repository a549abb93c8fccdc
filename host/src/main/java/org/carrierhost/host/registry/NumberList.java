package org.carrierhost.host.registry;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

import org.carrierhost.host.store.NumberDigits;

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

    @Override
    public String get(int index) {
        return NumberDigits.number(digitsAt(index));
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
            long value = NumberDigits.digits(number);
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
