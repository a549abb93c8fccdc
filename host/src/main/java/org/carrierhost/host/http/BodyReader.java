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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

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
                    limit.get().getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return StandardException.of(ErrorCode.INVALID,
                    "unknown field '" + StandardError.bounded(field(unknown), 100) + "'", "known fields: " + known(unknown.getKnownPropertyIds()));
        }
        if (e instanceof ValueInstantiationException made && made.getCause() instanceof StandardException refused) {
            return refused;
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (mismatch.getPath().isEmpty()) {
                return StandardException.of(ErrorCode.INVALID, "body must be a JSON object", mismatch.getOriginalMessage());
            }
            return StandardException.of(ErrorCode.INVALID, field(mismatch) + " has the wrong type", mismatch.getOriginalMessage());
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return StandardException.of(ErrorCode.INVALID, "malformed JSON" + where, e.getOriginalMessage());
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
