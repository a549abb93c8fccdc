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
 * @param tollFree   whether the search is for toll-free numbers
 */
public record SearchOptions(int offset, String country, String dialcode, String accountId, String resellerId,
                            int blockSize, boolean tollFree) {

    public SearchOptions {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (blockSize < 0) {
            throw new IllegalArgumentException("block size must not be negative: " + blockSize);
        }
        country = country == null ? "US" : country;
        dialcode = dialcode == null ? "+1" : dialcode;
    }

    /** No offset, country US, no account, no blocks. */
    public static SearchOptions defaults() {
        return new SearchOptions(0, "US", "+1", null, null, 0, false);
    }

    /** Whether a bulk result is asked for. */
    public boolean blocks() {
        return blockSize > 0;
    }

    /** These options with another offset. */
    public SearchOptions withOffset(int newOffset) {
        return new SearchOptions(newOffset, country, dialcode, accountId, resellerId, blockSize, tollFree);
    }
}
