package org.carrierhost.plugins.telnyx;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

/**
 * What a Telnyx refusal means as a standard error, from its HTTP status and its {@code errors[]} codes: the
 * codes win where they say more than the status (85000 and 85001 arrive as 4xx of their own). Every error
 * entry goes into the cause with its code, title, detail and source; the key is never echoed.
 *
 * <p>Thread-safe: stateless.
 */
final class TelnyxFailures {

    private static final Set<String> UNAVAILABLE_NUMBER = Set.of("85000", "85001");
    private static final Set<String> INVALID = Set.of("10015", "10016", "10031");

    private TelnyxFailures() {
    }

    /** The standard error for a reply with {@code status} (not 2xx) and {@code errors}, about {@code what}. */
    static CarrierException of(int status, List<TelnyxError> errors, String what) {
        Set<String> codes = errors.stream().map(TelnyxError::code).collect(Collectors.toSet());
        String cause = what + ": HTTP " + status + (errors.isEmpty() ? "" : "; errors: "
                + errors.stream().map(TelnyxError::toString).collect(Collectors.joining("; ")));
        if (status == 401 || codes.contains("10009")) {
            return new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "telnyx refused the credentials",
                    cause + "; check carrier.telnyx.api_key");
        }
        if (status == 403 || codes.contains("10010")) {
            return new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "telnyx: not authorised", cause);
        }
        if (codes.stream().anyMatch(UNAVAILABLE_NUMBER::contains)) {
            return new CarrierException(ErrorCode.NUMBER_EXISTS, "the number is not available at telnyx", cause);
        }
        if (status == 429 || codes.contains("10011")) {
            return new CarrierException(ErrorCode.RATE_LIMITED, "telnyx is throttling requests", cause);
        }
        if (status == 404 || codes.contains("10005")) {
            return new CarrierException(ErrorCode.NOT_FOUND, "not found at telnyx", cause);
        }
        if (status == 422 || codes.stream().anyMatch(INVALID::contains)) {
            return new CarrierException(ErrorCode.INVALID, "telnyx refused the request as invalid", cause);
        }
        if (status >= 500) {
            return new CarrierException(ErrorCode.CARRIER_FAULT, "telnyx server error", cause);
        }
        return new CarrierException(ErrorCode.CARRIER_FAULT, "telnyx refused the request", cause);
    }
}
