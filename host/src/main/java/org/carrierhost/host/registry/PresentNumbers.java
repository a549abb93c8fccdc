package org.carrierhost.host.registry;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.carrierhost.api.NumberState;
import org.carrierhost.host.store.NumberDigits;

/**
 * The numbers of an import that the registry already held, by their state: compact ({@link NumberList},
 * {@link NumberSet}), so an import of a million numbers that are all present holds no object per number.
 *
 * <p>Not thread-safe while it is filled, by the one thread of the import that reads them; it is then only read,
 * after being handed over by the return of the registry call that filled it.
 */
public final class PresentNumbers {

    private final Map<NumberState, NumberList.Builder> byState = new EnumMap<>(NumberState.class);
    private final Map<NumberState, NumberSet> sets = new EnumMap<>(NumberState.class);
    private int size;
    /** Numbers that are not E.164 (which the registry does not store, but a caller may ask about): kept as they are. */
    private final Map<String, NumberState> others = new HashMap<>();

    /** Records that {@code number} is stored, in {@code state}. */
    void found(String number, NumberState state) {
        long digits = NumberDigits.digits(number);
        if (digits <= 0) {
            others.put(number, state);
        } else if (stateOf(number) == null) {
            sets.computeIfAbsent(state, s -> new NumberSet()).add(digits);
            byState.computeIfAbsent(state, s -> new NumberList.Builder()).add(digits);
            size++;
        }
    }

    /** Whether {@code number} was already stored. */
    public boolean contains(String number) {
        return stateOf(number) != null;
    }

    /** The state {@code number} was stored in, or null when it was not. */
    public NumberState stateOf(String number) {
        for (Map.Entry<NumberState, NumberSet> set : sets.entrySet()) {
            if (set.getValue().contains(number)) {
                return set.getKey();
            }
        }
        return others.get(number);
    }

    /** How many were already stored. */
    public int size() {
        return size + others.size();
    }

    /** The E.164 numbers already stored, by their state. */
    public Map<NumberState, NumberList> byState() {
        Map<NumberState, NumberList> lists = new EnumMap<>(NumberState.class);
        byState.forEach((state, list) -> lists.put(state, list.build()));
        return Collections.unmodifiableMap(lists);
    }

    /** Each number already stored with its state: for a small import (one map entry per number). */
    public Map<String, NumberState> asMap() {
        Map<String, NumberState> map = new HashMap<>(others);
        byState().forEach((state, list) -> list.forEach(number -> map.put(number, state)));
        return map;
    }
}
