package org.carrierhost.plugins.bandwidth;

/**
 * An error Bandwidth reported in a reply body: its own code and text, and the number it concerns when the
 * error names one (as an {@code ErrorList/Error/TelephoneNumber} does).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param code            Bandwidth's code, for example {@code 5018}
 * @param description     Bandwidth's text
 * @param telephoneNumber the number the error is about, or empty
 */
public record BandwidthError(String code, String description, String telephoneNumber) {

    /** An error that names no number. */
    public BandwidthError(String code, String description) {
        this(code, description, "");
    }

    /** Whether the code is a search-parameter code (4xxx), the caller's mistake rather than the carrier's. */
    public boolean isSearchParameterError() {
        return code.length() == 4 && code.startsWith("4");
    }

    /** {@code code: description (number)}, as shown to callers. */
    @Override
    public String toString() {
        String text = description.isEmpty() ? code : code + ": " + description;
        return telephoneNumber.isEmpty() ? text : text + " (number " + telephoneNumber + ")";
    }
}
