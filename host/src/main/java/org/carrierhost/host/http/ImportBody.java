package org.carrierhost.host.http;

import java.util.EnumSet;
import java.util.List;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberFeature;
import org.carrierhost.api.NumberType;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.manager.StockEntries;
import org.carrierhost.host.manager.StockEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /api/numbers/import}: {@code {"carrier": "local", "numbers": [...]}}, both required.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param carrier the local-stock carrier to fill
 * @param numbers the numbers, read as the body is parsed ({@link StockListReader}): strings as in {@link NumbersBody}, or objects with a number and its attributes:
 *                {@code {"number","locality","region","postal_code","rate_center","type","features"}}
 * @param state   {@code available} (the default, for null): a local carrier's stock; or {@code port_in}: numbers
 *                that came by porting, to any carrier, put in service by {@code POST .../activate}
 */
record ImportBody(String carrier, @JsonDeserialize(using = StockListReader.class) StockEntries numbers, String state) {

    /** The carrier id, which must be given. */
    String carrierId() {
        if (carrier == null) {
            throw StandardException.of(ErrorCode.INVALID, "carrier is required",
                    "body must be {\"carrier\": \"local\", \"numbers\": [...]}");
        }
        return carrier;
    }

    /** The state the numbers are added in. */
    org.carrierhost.api.NumberState target() {
        return state == null ? org.carrierhost.api.NumberState.AVAILABLE : org.carrierhost.api.NumberState.fromWireName(state)
                .filter(s -> s == org.carrierhost.api.NumberState.AVAILABLE || s == org.carrierhost.api.NumberState.PORT_IN)
                .orElseThrow(() -> StandardException.of(ErrorCode.INVALID, "state must be available or port_in", "got '" + state + "'"));
    }

    /** The attributes an entry given as an object (or a CSV row) may have beside its number, in the docs' order. */
    static final List<String> ATTRIBUTE_FIELDS = List.of("locality", "region", "postal_code", "rate_center", "type", "features");
    /** The keys an entry given as an object may have. */
    static final java.util.Set<String> ENTRY_FIELDS = java.util.Set.copyOf(java.util.stream.Stream.concat(
            java.util.stream.Stream.of("number"), ATTRIBUTE_FIELDS.stream()).toList());

    /** The numbers, each with the attributes given with it, as read from the body (compact: see {@link StockEntries}). */
    List<StockEntry> entries() {
        if (numbers == null) {
            throw StandardException.of(ErrorCode.INVALID, "body must have \"numbers\": [...]", null);
        }
        return numbers;
    }

    /** An entry given as an object; an unknown field, or a field of the wrong kind, is {@code invalid} naming it. */
    static StockEntry entry(JsonNode entry, String where) {
        entry.fieldNames().forEachRemaining(name -> {
            if (!ENTRY_FIELDS.contains(name)) {
                throw StandardException.of(ErrorCode.INVALID, where + " has an unknown field '" + StandardError.bounded(name, 40) + "'",
                        "known: " + String.join(", ", new java.util.TreeSet<>(ENTRY_FIELDS)));
            }
        });
        EnumSet<NumberFeature> features = EnumSet.noneOf(NumberFeature.class);
        JsonNode listed = entry.path("features");
        if (!listed.isMissingNode() && !listed.isNull()) {
            if (!listed.isArray()) {
                throw StandardException.of(ErrorCode.INVALID, where + ".features must be a list of sms, mms, voice and fax", null);
            }
            listed.forEach(f -> features.add(NumberFeature.fromWireName(f.asText()).orElseThrow(() -> StandardException.of(
                    ErrorCode.INVALID, where + ".features must be a list of sms, mms, voice and fax", "got " + f))));
        }
        String type = text(entry, "type", where);
        return new StockEntry(text(entry, "number", where) == null ? "" : text(entry, "number", where), new NumberAttributes(
                text(entry, "locality", where), text(entry, "region", where), text(entry, "postal_code", where),
                text(entry, "rate_center", where), type == null ? null : NumberType.fromWireName(type).orElseThrow(() ->
                StandardException.of(ErrorCode.INVALID, where + ".type must be local, toll_free or mobile", "got '" + type + "'")),
                features));
    }

    private static String text(JsonNode entry, String field, String where) {
        JsonNode value = entry.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw StandardException.of(ErrorCode.INVALID, where + "." + field + " must be a string", "got " + value.getNodeType());
        }
        return value.asText();
    }
}
