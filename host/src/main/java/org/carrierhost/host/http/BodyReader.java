package org.carrierhost.host.http;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps a JSON request body onto its record with the API's one configured mapper ({@link JsonMapper}), and
 * answers every way a body can be wrong as {@code 400 invalid} naming what is wrong: an unknown field (and
 * the known ones), a field of the wrong type, a body that is not an object, a limit of
 * {@link JsonMapper} (nesting depth, string or number length), or malformed JSON with its position.
 *
 * <p>Thread-safe: stateless but for the shared mapper, which is thread-safe once configured.
 */
final class BodyReader {

    private static final byte[] EMPTY_OBJECT = {'{', '}'};
    /** How Jackson names the character it did not expect: {@code Unexpected character ('}' (code 125))}. */
    private static final java.util.regex.Pattern UNEXPECTED = java.util.regex.Pattern.compile("character \\(('.{1,2}')");

    private final ObjectMapper json;

    BodyReader(ObjectMapper json) {
        this.json = json;
    }

    /** {@code bytes} as a {@code type}; an empty body is read as an empty object. */
    <T> T read(byte[] bytes, Class<T> type) {
        try {
            T value = json.readValue(bytes.length == 0 ? EMPTY_OBJECT : bytes, type);
            if (value == null) {
                throw StandardException.of(ErrorCode.INVALID, "body must be a JSON object", "got null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw StandardException.of(ErrorCode.INVALID, "cannot read the request body", e.getMessage());
        }
    }

    private static StandardException invalid(JsonProcessingException e) {
        Optional<StreamConstraintsException> limit = limit(e);
        if (limit.isPresent()) {
            return StandardException.of(ErrorCode.INVALID, "body is over a JSON limit: " + limitName(limit.get()),
                    "make the body smaller or flatter");
        }
        Optional<StandardException> refused = refused(e);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return StandardException.of(ErrorCode.INVALID,
                    "unknown field '" + StandardError.bounded(field(unknown), 100) + "'", "known fields: " + known(unknown.getKnownPropertyIds()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String got = "got " + found(mismatch);
            if (mismatch.getPath().isEmpty()) {
                return StandardException.of(ErrorCode.INVALID, "body must be a JSON object", got);
            }
            return StandardException.of(ErrorCode.INVALID, StandardError.bounded(field(mismatch), 100) + " must be "
                    + expected(mismatch.getTargetType()), got);
        }
        Optional<StreamReadException> unreadable = unreadable(e);
        if (unreadable.isPresent()) {
            JsonLocation at = unreadable.get().getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return StandardException.of(ErrorCode.INVALID, "malformed JSON" + where, malformed(unreadable.get()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return StandardException.of(ErrorCode.INVALID, StandardError.bounded(field(mapping), 100) + " cannot be read",
                    "check its value against the API reference (GET /api/openapi.json)");
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return StandardException.of(ErrorCode.INVALID, "malformed JSON" + where, malformed(e));
    }

    /** What a field of {@code type} must be, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || java.math.BigInteger.class == type) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .map(v -> v.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
        }
        return "an object";
    }

    /** What the body had where the mismatch is, in words: {@code a string}, {@code an array}, ... */
    private static String found(MismatchedInputException e) {
        JsonToken token = e.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> token.asString();
            case VALUE_NULL -> "null";
            case START_ARRAY, END_ARRAY -> "an array";
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            default -> "another value";
        };
    }

    /** Why the JSON could not be read, in words. */
    private static String malformed(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "the body ends before its JSON does";
        }
        java.util.regex.Matcher unexpected = UNEXPECTED.matcher(String.valueOf(e.getOriginalMessage()));
        if (unexpected.find()) {
            return "unexpected character " + unexpected.group(1) + " there";
        }
        return "this is not JSON";
    }


    /** The parse failure under {@code e}, when the JSON itself is broken (Jackson wraps one met inside a list). */
    private static Optional<StreamReadException> unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException broken) {
                return Optional.of(broken);
            }
        }
        return Optional.empty();
    }

    /** The refusal a reader of the body threw (a field it checks as it reads), which Jackson wraps with the field's path. */
    private static Optional<StandardException> refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StandardException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    /** The limit {@code e} ran into, whether Jackson threw it as is or wrapped it. */
    private static Optional<StreamConstraintsException> limit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return Optional.of(limit);
            }
        }
        return Optional.empty();
    }

    private static String limitName(StreamConstraintsException e) {
        String text = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
        if (text.contains("nesting depth")) {
            return "nested deeper than " + JsonMapper.MAX_DEPTH + " levels";
        }
        if (text.contains("string value length")) {
            return "a string longer than " + JsonMapper.MAX_STRING + " characters";
        }
        if (text.contains("number value length")) {
            return "a number longer than " + JsonMapper.MAX_NUMBER + " digits";
        }
        return "too large";
    }

    /** The field path of a mapping failure, for example {@code numbers[2]}. */
    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : new TreeSet<>(ids.stream().map(String::valueOf).toList()).stream()
                .collect(Collectors.joining(", "));
    }
}
