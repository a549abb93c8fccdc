package org.carrierhost.host.registry;

import org.carrierhost.host.store.NumberDigits;

/**
 * A set of E.164 numbers held as their digits ({@link NumberDigits#digits}) in an open-addressed {@code long[]}: a
 * million take 16 to 32 MB and no object each, where a {@code HashSet<String>} takes about 90 MB.
 *
 * <p>Not thread-safe: owned by the one thread that fills and reads it (an import's).
 */
public final class NumberSet {

    /** Marks a free slot: no E.164 number has the digits 0. */
    private static final long FREE = 0;

    private long[] slots = new long[64];
    private int size;

    /** Adds the number of {@code digits} (greater than 0); true when it was not in the set. */
    public boolean add(long digits) {
        if (digits <= 0) {
            throw new IllegalArgumentException("not the digits of an E.164 number: " + digits);
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        return put(slots, digits);
    }

    /** Whether the number of {@code digits} is in the set. */
    public boolean contains(long digits) {
        int mask = slots.length - 1;
        for (int i = slot(digits, mask); ; i = (i + 1) & mask) {
            if (slots[i] == digits) {
                return true;
            }
            if (slots[i] == FREE) {
                return false;
            }
        }
    }

    /** Whether {@code number} (E.164) is in the set. */
    public boolean contains(String number) {
        long digits = NumberDigits.digits(number);
        return digits > 0 && contains(digits);
    }

    /** How many numbers it holds. */
    public int size() {
        return size;
    }

    private boolean put(long[] table, long digits) {
        int mask = table.length - 1;
        for (int i = slot(digits, mask); ; i = (i + 1) & mask) {
            if (table[i] == digits) {
                return false;
            }
            if (table[i] == FREE) {
                table[i] = digits;
                if (table == slots) {
                    size++;
                }
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        long[] bigger = new long[old.length * 2];
        for (long digits : old) {
            if (digits != FREE) {
                put(bigger, digits);
            }
        }
        slots = bigger;
    }

    private static int slot(long digits, int mask) {
        long h = digits * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
