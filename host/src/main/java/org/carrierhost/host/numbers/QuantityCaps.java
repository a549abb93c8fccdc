package org.carrierhost.host.numbers;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many numbers one search asks each carrier for: never more than the carrier's declared
 * {@code max_quantity} in one call, remembering what each was last asked and which were cut, so the answer can say
 * where a carrier's part is capped.
 *
 * <p>Not thread-safe: one search's own, used only by the thread that runs that search.
 */
final class QuantityCaps {

    private final Map<String, FilterPlan> plans;
    private final Map<String, Integer> asked = new HashMap<>();
    private final Set<String> cut = new HashSet<>();

    QuantityCaps(Map<String, FilterPlan> plans) {
        this.plans = plans;
    }

    /** How many to ask carrier {@code id} for when the search wants {@code wanted} of it: at most its max_quantity. */
    int ask(String id, int wanted) {
        int max = max(id);
        if (wanted > max) {
            cut.add(id);
        }
        int quantity = Math.min(wanted, max);
        asked.put(id, quantity);
        return quantity;
    }

    /** What carrier {@code id} was last asked for. */
    int asked(String id) {
        return asked.getOrDefault(id, 0);
    }

    /**
     * Whether asking carrier {@code id} again for more can help: it was last asked for less than its max_quantity. One
     * that was not is counted as cut, since the search wanted more of it.
     */
    boolean mayGiveMore(String id) {
        if (asked(id) < max(id)) {
            return true;
        }
        cut.add(id);
        return false;
    }

    /** Whether the search wanted more of carrier {@code id} than its max_quantity at some round. */
    boolean cut(String id) {
        return cut.contains(id);
    }

    /** Carrier {@code id}'s max_quantity. */
    int max(String id) {
        return plans.get(id).maxQuantity();
    }
}
