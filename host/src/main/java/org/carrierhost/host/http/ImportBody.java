package org.carrierhost.host.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/numbers/import}: {@code {"carrier": "local", "numbers": [...]}}, both required.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param carrier the local-stock carrier to fill
 * @param numbers the numbers, as in {@link NumbersBody}
 */
record ImportBody(String carrier, List<JsonNode> numbers) {

    ImportBody {
        numbers = numbers == null ? null : Collections.unmodifiableList(new ArrayList<>(numbers));
    }

    /** The carrier id, which must be given. */
    String carrierId() {
        if (carrier == null) {
            throw StandardException.of(ErrorCode.INVALID, "carrier is required",
                    "body must be {\"carrier\": \"local\", \"numbers\": [...]}");
        }
        return carrier;
    }

    /** The numbers, each as text. */
    List<String> texts() {
        return NumbersBody.texts(numbers);
    }
}
