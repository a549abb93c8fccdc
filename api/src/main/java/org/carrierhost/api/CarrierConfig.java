package org.carrierhost.api;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A carrier's own configuration section: the host's {@code carrier.<id>.*} keys with the
 * {@code carrier.<id>.} prefix taken off.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param values the keys and their values
 */
public record CarrierConfig(Map<String, String> values) {

    public CarrierConfig {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** An empty section. */
    public static CarrierConfig empty() {
        return new CarrierConfig(Map.of());
    }

    /** The value of {@code key}, when it is set and not blank. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The value of {@code key}, or {@code fallback}. */
    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /**
     * The whole number in {@code key}, or {@code fallback} when unset.
     *
     * @throws CarrierException {@link ErrorCode#CARRIER_UNAVAILABLE} naming the key when the value is not
     *                          a whole number
     */
    public long getLong(String key, long fallback) throws CarrierException {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "misconfigured",
                    key + " must be a whole number, got '" + value.get() + "'");
        }
    }

    /** The boolean in {@code key} ({@code true}/{@code false}, any case), or {@code fallback} when unset. */
    public boolean getBoolean(String key, boolean fallback) throws CarrierException {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String v = value.get().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "misconfigured",
                key + " must be true or false, got '" + value.get() + "'");
    }
}
