package org.carrierhost.host.errors;

import org.carrierhost.api.ErrorCode;

/**
 * Carries a {@link StandardError} up to whoever answers the caller (the HTTP API, or an embedding
 * application).
 *
 * <p>Thread-safe: immutable.
 */
public final class StandardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient StandardError error;

    public StandardException(StandardError error) {
        super(error.message() + (error.cause() == null ? "" : " (" + error.cause() + ")"));
        this.error = error;
    }

    /** A new exception with the given code, message and cause text. */
    public static StandardException of(ErrorCode code, String message, String cause) {
        return new StandardException(new StandardError(code, message, cause, null));
    }

    /** A new exception with the given code and message. */
    public static StandardException of(ErrorCode code, String message) {
        return new StandardException(StandardError.of(code, message));
    }

    /** The error to answer with. */
    public StandardError error() {
        return error;
    }
}
