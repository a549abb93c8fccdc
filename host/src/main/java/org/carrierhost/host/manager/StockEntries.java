package org.carrierhost.host.manager;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.RandomAccess;

import org.carrierhost.api.NumberAttributes;
import org.carrierhost.host.store.NumberDigits;

/**
 * The entries of an import as read from its body, compact: an entry that is a number already written in E.164 and has
 * no attributes (nearly all of a large import) is kept as its digits in a {@code long[]}, any other as its
 * {@link StockEntry}. A million plain numbers take 8 MB instead of a million strings and entries; each
 * {@link StockEntry} is made when it is read.
 *
 * <p>Thread-safe: immutable once built; a {@link Builder} is not, and is owned by the thread reading the body.
 */
public final class StockEntries extends AbstractList<StockEntry> implements RandomAccess {

    /** In {@link #digits}: the entry is in {@link #others}. */
    private static final long OTHER = -1;

    private final long[] digits;
    private final int size;
    private final Map<Integer, StockEntry> others;

    private StockEntries(long[] digits, int size, Map<Integer, StockEntry> others) {
        this.digits = digits;
        this.size = size;
        this.others = others;
    }

    @Override
    public StockEntry get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return digits[index] == OTHER ? others.get(index) : StockEntry.of(NumberDigits.number(digits[index]));
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * Entries being read, in order.
     *
     * <p>Not thread-safe: owned by the thread that reads the body.
     */
    public static final class Builder {

        private long[] digits = new long[64];
        private int size;
        private final Map<Integer, StockEntry> others = new HashMap<>();

        /** Adds the entry {@code input}, with no attributes. */
        public Builder add(String input) {
            long value = NumberDigits.digits(input);
            return value > 0 ? put(value) : add(StockEntry.of(input));
        }

        /** Adds {@code entry}. */
        public Builder add(StockEntry entry) {
            long value = NumberDigits.digits(entry.input());
            if (value > 0 && entry.attributes().equals(NumberAttributes.none())) {
                return put(value);
            }
            others.put(size, entry);
            return put(OTHER);
        }

        /** How many entries were added. */
        public int size() {
            return size;
        }

        private Builder put(long value) {
            if (size == digits.length) {
                digits = Arrays.copyOf(digits, size * 2);
            }
            digits[size++] = value;
            return this;
        }

        /** The entries added, in the order added. */
        public StockEntries build() {
            return new StockEntries(Arrays.copyOf(digits, size), size, Map.copyOf(others));
        }
    }
}
