package org.carrierhost.host.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/holds} ({@code {"numbers", "account_id", "ttl_s"}}, all required) and of
 * {@code POST /api/holds/{id}/extend} ({@code {"ttl_s"}}); any other field is refused.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param numbers   the numbers to hold, as in {@link NumbersBody}
 * @param accountId the account they are held for
 * @param ttlS      how long, in seconds; cut to {@code numbers.hold_max_ttl_s}
 */
record HoldBody(List<JsonNode> numbers, String accountId, Long ttlS) {

    HoldBody {
        numbers = numbers == null ? null : Collections.unmodifiableList(new ArrayList<>(numbers));
    }

    /** The TTL, which must be given. */
    long ttl() {
        if (ttlS == null) {
            throw StandardException.of(ErrorCode.INVALID, "ttl_s is required", "for example {\"ttl_s\": 1800}");
        }
        return ttlS;
    }

    /** The numbers, each as text. */
    List<String> texts() {
        return NumbersBody.texts(numbers);
    }
}
