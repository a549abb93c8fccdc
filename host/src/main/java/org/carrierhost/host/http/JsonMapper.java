package org.carrierhost.host.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper.Builder;

/**
 * The one {@link ObjectMapper} of the HTTP API, configured once: request bodies are mapped onto records,
 * unknown fields in a body are refused, a string is not taken for a flag nor a number for a text field,
 * nesting depth, string length and number length are bounded, records are written with their components
 * in order, and their names are written in snake case ({@code accountId} is {@code account_id}).
 *
 * <p>Thread-safe: an {@link ObjectMapper} is thread-safe once configured, and this one is never changed.
 */
public final class JsonMapper {

    /** The deepest nesting a body may have. */
    public static final int MAX_DEPTH = 32;
    /** The longest string a body may hold. */
    public static final int MAX_STRING = 64 * 1024;
    /** The longest number a body may hold, in characters. */
    public static final int MAX_NUMBER = 64;

    private JsonMapper() {
    }

    /** A newly configured mapper. */
    public static ObjectMapper create() {
        Builder builder = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                // A flag is true or false and a text field is a string: "yes", 1 or 5 for them is refused, not converted.
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        ObjectMapper mapper = builder.build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(MAX_NUMBER).build());
        return mapper;
    }
}
