package org.carrierhost.host.manager;

import java.util.Objects;

import org.carrierhost.api.NumberAttributes;

/**
 * One number of an import, as given, with the attributes a search can ask for: {@code "+14155550100"} alone, or
 * {@code {"number":"+14155550100","locality":"San Francisco","region":"CA","features":["sms","voice"]}}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param input      the number as given
 * @param attributes its locality, region, postal code, rate center, type and features; none known when empty
 */
public record StockEntry(String input, NumberAttributes attributes) {

    public StockEntry {
        Objects.requireNonNull(input, "input");
        attributes = attributes == null ? NumberAttributes.none() : attributes;
    }

    /** A number without attributes. */
    public static StockEntry of(String input) {
        return new StockEntry(input, NumberAttributes.none());
    }
}
