package org.carrierhost.host.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a carrier's data map into plain JSON values and back. Anything that is not a string, number,
 * boolean, list or map becomes its string form: the host must hold no object of a plugin's classes,
 * or that plugin's class loader could never be collected after an unload.
 *
 * <p>Thread-safe: stateless apart from a thread-safe {@link ObjectMapper}.
 */
public final class CarrierDataCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private CarrierDataCodec() {
    }

    /** A copy of {@code data} that holds only plain JSON values. */
    public static Map<String, Object> plain(Map<String, ?> data) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (data != null) {
            data.forEach((k, v) -> copy.put(String.valueOf(k), plainValue(v)));
        }
        return copy;
    }

    /**
     * {@code offers} with plain data only. Made inside a carrier call, on the carrier's side of its deadline and
     * bulkhead, so a plugin value whose {@code toString()} never returns holds a carrier thread, never a request's.
     */
    public static List<org.carrierhost.api.NumberOffer> plainOffers(List<org.carrierhost.api.NumberOffer> offers) {
        List<org.carrierhost.api.NumberOffer> copy = new java.util.ArrayList<>(offers.size());
        for (org.carrierhost.api.NumberOffer offer : offers) {
            copy.add(new org.carrierhost.api.NumberOffer(offer.number(), plain(offer.data())));
        }
        return copy;
    }

    /** {@code record} with plain data only; made inside a carrier call, as {@link #plainOffers} is. */
    public static org.carrierhost.api.NumberRecord plainRecord(org.carrierhost.api.NumberRecord record) {
        return new org.carrierhost.api.NumberRecord(record.number(), record.state(), record.carrier(), record.accountId(),
                plain(record.data()));
    }

    private static Object plainValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean
                || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof java.math.BigDecimal || value instanceof java.math.BigInteger) {
            return value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), plainValue(v)));
            return copy;
        }
        if (value instanceof Iterable<?> items) {
            List<Object> copy = new java.util.ArrayList<>();
            items.forEach(item -> copy.add(plainValue(item)));
            return copy;
        }
        return String.valueOf(value);
    }

    /** {@code data} as JSON text. */
    public static String encode(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(plain(data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("carrier data cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The data map stored as {@code json}; empty for null. */
    public static Map<String, Object> decode(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored carrier data is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
