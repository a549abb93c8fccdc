package org.carrierhost.host.manager;

import java.util.List;

import org.carrierhost.api.SearchFilters;

/**
 * A search as a caller asks it; the manager validates and normalises it.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param prefix    the prefix as typed: {@code 415}, {@code 1415} or {@code +1415}; null for the whole country
 * @param quantity  how many numbers, 1 to 500
 * @param offset    how many to skip, for paging
 * @param country   the ISO country the prefix is given for; US when null
 * @param carriers  only these carriers; every enabled one when empty
 * @param blockSize when above 0, ask for blocks of this many consecutive numbers
 * @param tollFree  whether the search is for toll-free numbers
 * @param accountId the account searching, or null
 * @param filters   the filters beyond the prefix (area code, patterns, place, type, features)
 */
public record SearchRequest(String prefix, int quantity, int offset, String country, List<String> carriers,
                            int blockSize, boolean tollFree, String accountId, SearchFilters filters) {

    public SearchRequest {
        carriers = carriers == null ? List.of() : List.copyOf(carriers);
        filters = filters == null ? SearchFilters.none() : filters;
    }

    /** A search without filters beyond its prefix. */
    public SearchRequest(String prefix, int quantity, int offset, String country, List<String> carriers,
                         int blockSize, boolean tollFree, String accountId) {
        this(prefix, quantity, offset, country, carriers, blockSize, tollFree, accountId, SearchFilters.none());
    }

    /** A plain search of {@code quantity} numbers under {@code prefix} in every enabled carrier. */
    public static SearchRequest of(String prefix, int quantity) {
        return new SearchRequest(prefix, quantity, 0, null, List.of(), 0, false, null);
    }
}
