package org.carrierhost.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One setting a carrier declares in {@link CarrierExtension#settings()}: its key within the carrier's own section
 * ({@code carrier.<id>.<key>}), its kind and bounds, whether it is required, its default, whether it is a secret,
 * and one line of documentation. The host checks the carrier's section against these before it starts the carrier,
 * and shows them; the kinds are those of the host's own settings.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param key          the key without the {@code carrier.<id>.} prefix, for example {@code base_url}
 * @param kind         what values it takes
 * @param required     whether the carrier cannot serve without it
 * @param defaultValue its default as it would be written in the settings file, or empty
 * @param min          for {@link Kind#WHOLE} and {@link Kind#MILLIS}: the least value; otherwise ignored
 * @param max          for {@link Kind#WHOLE} and {@link Kind#MILLIS}: the most value; otherwise ignored
 * @param choices      for {@link Kind#CHOICE}: the allowed values; otherwise empty
 * @param secret       whether its value is never shown
 * @param doc          one line of documentation
 */
public record CarrierSetting(String key, Kind kind, boolean required, Optional<String> defaultValue, long min, long max,
                             List<String> choices, boolean secret, String doc) {

    /** What values a setting takes. */
    public enum Kind {
        /** Any text, not empty. */
        TEXT,
        /** An http or https URL. */
        URL,
        /** A whole number from {@code min} to {@code max}. */
        WHOLE,
        /** Whole milliseconds from {@code min} to {@code max}. */
        MILLIS,
        /** {@code true} or {@code false}. */
        FLAG,
        /** One of {@code choices}. */
        CHOICE
    }

    public CarrierSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(doc, "doc");
        choices = List.copyOf(choices);
        if (key.isBlank() || key.startsWith(".") || key.endsWith(".")) {
            throw new IllegalArgumentException("a setting key must be a word such as base_url, got '" + key + "'");
        }
    }

    /** Optional text with no default. */
    public static CarrierSetting text(String key, String doc) {
        return new CarrierSetting(key, Kind.TEXT, false, Optional.empty(), 0, 0, List.of(), false, doc);
    }

    /** An optional http(s) URL with no default. */
    public static CarrierSetting url(String key, String doc) {
        return new CarrierSetting(key, Kind.URL, false, Optional.empty(), 0, 0, List.of(), false, doc);
    }

    /** An optional whole number from {@code min} to {@code max}, {@code fallback} when unset. */
    public static CarrierSetting whole(String key, long min, long max, long fallback, String doc) {
        return new CarrierSetting(key, Kind.WHOLE, false, Optional.of(Long.toString(fallback)), min, max, List.of(), false, doc);
    }

    /** Optional whole milliseconds from {@code min} to {@code max}, {@code fallback} when unset. */
    public static CarrierSetting millis(String key, long min, long max, long fallback, String doc) {
        return new CarrierSetting(key, Kind.MILLIS, false, Optional.of(Long.toString(fallback)), min, max, List.of(), false, doc);
    }

    /** An optional flag, {@code fallback} when unset. */
    public static CarrierSetting flag(String key, boolean fallback, String doc) {
        return new CarrierSetting(key, Kind.FLAG, false, Optional.of(Boolean.toString(fallback)), 0, 0, List.of(), false, doc);
    }

    /** An optional choice of {@code choices}, with no default. */
    public static CarrierSetting choice(String key, List<String> choices, String doc) {
        return new CarrierSetting(key, Kind.CHOICE, false, Optional.empty(), 0, 0, choices, false, doc);
    }

    /** This setting, required: the carrier is not configured without it. */
    public CarrierSetting asRequired() {
        return new CarrierSetting(key, kind, true, defaultValue, min, max, choices, secret, doc);
    }

    /** This setting, whose value is never shown. */
    public CarrierSetting asSecret() {
        return new CarrierSetting(key, kind, required, defaultValue, min, max, choices, true, doc);
    }

    /** This setting with {@code value} as its default. */
    public CarrierSetting withDefault(String value) {
        return new CarrierSetting(key, kind, required, Optional.of(value), min, max, choices, secret, doc);
    }
}
