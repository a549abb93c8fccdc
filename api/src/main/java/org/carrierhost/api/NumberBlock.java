package org.carrierhost.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A block of consecutive numbers offered together, as in KAZOO's bulk search results.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param start the first number in E.164
 * @param size  how many consecutive numbers the block holds, at least 1
 * @param data  the carrier's data about the block: JSON-like values only
 */
public record NumberBlock(String start, int size, Map<String, Object> data) {

    public NumberBlock {
        Objects.requireNonNull(start, "start");
        if (!start.matches("\\+[1-9][0-9]{1,14}")) {
            throw new IllegalArgumentException("block start must be E.164: " + start);
        }
        if (size < 1) {
            throw new IllegalArgumentException("block size must be at least 1: " + size);
        }
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** The last number of the block, in E.164. */
    public String end() {
        return numberAt(size - 1);
    }

    /** Every number of the block, in order. */
    public List<String> numbers() {
        List<String> numbers = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            numbers.add(numberAt(i));
        }
        return numbers;
    }

    private String numberAt(int index) {
        String digits = start.substring(1);
        String next = new java.math.BigInteger(digits).add(java.math.BigInteger.valueOf(index)).toString();
        if (next.length() != digits.length()) {
            throw new IllegalStateException("block starting at " + start + " overflows its number length");
        }
        return "+" + next;
    }
}
