package org.carrierhost.host.manager;

import java.util.List;

/**
 * A search as a caller asks it; the manager validates and normalises it.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param prefix    the prefix as typed: {@code 415}, {@code 1415} or {@code +1415}
 * @param quantity  how many numbers, 1 to 500
 * @param offset    how many to skip, for paging
 * @param country   the ISO country the prefix is given for; US when null
 * @param carriers  only these carriers; every enabled one when empty
 * @param blockSize when above 0, ask for blocks of this many consecutive numbers
 * @param tollFree  whether the search is for toll-free numbers
 * @param accountId the account searching, or null
 */
public record SearchRequest(String prefix, int quantity, int offset, String country, List<String> carriers,
                            int blockSize, boolean tollFree, String accountId) {

    public SearchRequest {
        carriers = carriers == null ? List.of() : List.copyOf(carriers);
    }

    /** A plain search of {@code quantity} numbers under {@code prefix} in every enabled carrier. */
    public static SearchRequest of(String prefix, int quantity) {
        return new SearchRequest(prefix, quantity, 0, null, List.of(), 0, false, null);
    }
}
