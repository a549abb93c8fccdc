package org.carrierhost.api;

import java.util.List;

/**
 * The host's own stock of numbers, given to local carriers ({@link CarrierExtension#isLocal()}) so they
 * search the host's registry instead of keeping a store of their own.
 *
 * <p>Implementations are thread-safe: carriers call them from many search threads at once.
 */
public interface NumberInventory {

    /**
     * The numbers held by {@code carrierId} in state {@link NumberState#AVAILABLE} whose E.164 form starts
     * with {@code e164Prefix}, in number order, skipping {@code offset} and returning at most
     * {@code limit}.
     */
    List<NumberRecord> findAvailable(String carrierId, String e164Prefix, int offset, int limit);

    /**
     * As {@link #findAvailable(String, String, int, int)}, keeping only the numbers that match
     * {@link SearchOptions#filters()} by their digits and by the attributes they were imported with, skipping
     * {@link SearchOptions#offset()} of those. Optional: an inventory that does not override it reads pages of the prefix
     * and filters them here; the host's own registry answers from its indexed columns.
     */
    default List<NumberRecord> findAvailable(String carrierId, String e164Prefix, SearchOptions options, int limit) {
        SearchFilters filters = options.filters();
        if (filters.isEmpty()) {
            return findAvailable(carrierId, e164Prefix, options.offset(), limit);
        }
        List<NumberRecord> found = new java.util.ArrayList<>();
        int skip = options.offset();
        int page = 1000;
        for (int from = 0; found.size() < limit; from += page) {
            List<NumberRecord> read = findAvailable(carrierId, e164Prefix, from, page);
            for (NumberRecord record : read) {
                if (found.size() < limit && filters.matchesAll(options.nationalNumber(record.number()),
                        NumberAttributes.fromData(record.data())) && skip-- <= 0) {
                    found.add(record);
                }
            }
            if (read.size() < page) {
                break;
            }
        }
        return found;
    }

    /**
     * The numbers held by {@code carrierId} in any state but {@link NumberState#AVAILABLE} (those taken from its
     * stock), in number order, skipping {@code offset} and returning at most {@code limit}: what a local carrier says
     * its account holds. Optional: an inventory that does not override it lists none.
     */
    default List<NumberRecord> findTaken(String carrierId, int offset, int limit) {
        return List.of();
    }
}
