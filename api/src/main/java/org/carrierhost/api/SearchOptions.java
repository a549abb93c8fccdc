package org.carrierhost.api;

/**
 * The options of a search, as in KAZOO's {@code find_numbers} options.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param offset     how many matching numbers to skip, for paging; at least 0
 * @param country    the ISO 3166 country the prefix was given for, for example {@code US}
 * @param dialcode   that country's calling code with its plus, for example {@code +1}
 * @param accountId  the account searching, or null
 * @param resellerId the account's reseller, or null
 * @param blockSize  when above 0, ask for blocks of this many consecutive numbers (a bulk result)
 * @param tollFree   whether the search is for toll-free numbers (also true when {@code filters} asks for type
 *                   {@code toll_free})
 * @param filters    the search's filters beyond the prefix; a carrier applies those its
 *                   {@link CarrierExtension#capabilities()} declare, and the host checks what it can of the rest
 */
public record SearchOptions(int offset, String country, String dialcode, String accountId, String resellerId,
                            int blockSize, boolean tollFree, SearchFilters filters) {

    public SearchOptions {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (blockSize < 0) {
            throw new IllegalArgumentException("block size must not be negative: " + blockSize);
        }
        country = country == null ? "US" : country;
        dialcode = dialcode == null ? "+1" : dialcode;
        filters = filters == null ? SearchFilters.none() : filters;
        tollFree = tollFree || filters.type() == NumberType.TOLL_FREE;
    }

    /** Options without filters: the shape of a search before the vocabulary, kept for carriers built against it. */
    public SearchOptions(int offset, String country, String dialcode, String accountId, String resellerId,
                         int blockSize, boolean tollFree) {
        this(offset, country, dialcode, accountId, resellerId, blockSize, tollFree, SearchFilters.none());
    }

    /** No offset, country US, no account, no blocks. */
    public static SearchOptions defaults() {
        return new SearchOptions(0, "US", "+1", null, null, 0, false, SearchFilters.none());
    }

    /** Whether a bulk result is asked for. */
    public boolean blocks() {
        return blockSize > 0;
    }

    /** These options with another offset. */
    public SearchOptions withOffset(int newOffset) {
        return new SearchOptions(newOffset, country, dialcode, accountId, resellerId, blockSize, tollFree, filters);
    }

    /** These options with other filters. */
    public SearchOptions withFilters(SearchFilters newFilters) {
        return new SearchOptions(offset, country, dialcode, accountId, resellerId, blockSize, tollFree, newFilters);
    }

    /** {@code e164} without this search's calling code: the national number the digit filters apply to. */
    public String nationalNumber(String e164) {
        return e164.startsWith(dialcode) ? e164.substring(dialcode.length()) : e164.substring(1);
    }
}
