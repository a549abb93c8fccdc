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
 * @param state   {@code available} (the default, for null): a local carrier's stock; or {@code port_in}: numbers
 *                that came by porting, to any carrier, put in service by {@code POST .../activate}
 */
record ImportBody(String carrier, List<JsonNode> numbers, String state) {

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

    /** The state the numbers are added in. */
    org.carrierhost.api.NumberState target() {
        return state == null ? org.carrierhost.api.NumberState.AVAILABLE : org.carrierhost.api.NumberState.fromWireName(state)
                .filter(s -> s == org.carrierhost.api.NumberState.AVAILABLE || s == org.carrierhost.api.NumberState.PORT_IN)
                .orElseThrow(() -> StandardException.of(ErrorCode.INVALID, "state must be available or port_in", "got '" + state + "'"));
    }

    /** The numbers, each as text. */
    List<String> texts() {
        return NumbersBody.texts(numbers);
    }
}
