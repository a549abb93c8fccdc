package org.carrierhost.host.errors;

import java.util.Objects;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;

/**
 * One failure in the standard shape every caller sees:
 * {@code {"code", "error", "message", "cause", "carrier"}}.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param code    the standard error
 * @param message what went wrong, for the caller
 * @param cause   why: the carrier's own code and text, or the underlying reason; may be null
 * @param carrier the carrier involved, or null
 */
public record StandardError(ErrorCode code, String message, String cause, String carrier) {

    public StandardError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The longest message or cause an answer carries; longer ones are cut, so no input is echoed whole. */
    public static final int MAX_ECHO = 300;

    /** This error with its message and cause cut to {@link #MAX_ECHO} characters. */
    public StandardError bounded() {
        return new StandardError(code, bounded(message, MAX_ECHO), cause == null ? null : bounded(cause, MAX_ECHO), carrier);
    }

    /** {@code text} cut to {@code max} characters, saying how long it was. */
    public static String bounded(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "... (" + text.length() + " characters)";
    }

    /** An error with no cause and no carrier. */
    public static StandardError of(ErrorCode code, String message) {
        return new StandardError(code, message, null, null);
    }

    /** The error a carrier reported, attributed to it. */
    public static StandardError fromCarrier(String carrier, CarrierException e) {
        String message = e.getMessage() == null ? e.code().wireName() : e.getMessage();
        return new StandardError(e.code(), message, e.detail(), carrier);
    }

    /** This error attributed to {@code carrierId}. */
    public StandardError withCarrier(String carrierId) {
        return new StandardError(code, message, cause, carrierId);
    }

    /** This error as an exception, to throw. */
    public StandardException toException() {
        return new StandardException(this);
    }
}
