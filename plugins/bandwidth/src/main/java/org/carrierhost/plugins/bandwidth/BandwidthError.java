package org.carrierhost.plugins.bandwidth;

/**
 * An error Bandwidth reported in a reply body: its own code and text.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param code        Bandwidth's code, for example {@code 5018}
 * @param description Bandwidth's text
 */
public record BandwidthError(String code, String description) {

    /** Whether the code is a search-parameter code (4xxx), the caller's mistake rather than the carrier's. */
    public boolean isSearchParameterError() {
        return code.length() == 4 && code.startsWith("4");
    }

    /** {@code code: description}, as shown to callers. */
    @Override
    public String toString() {
        return description.isEmpty() ? code : code + ": " + description;
    }
}
