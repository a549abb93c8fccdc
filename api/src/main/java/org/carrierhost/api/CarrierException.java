package org.carrierhost.api;

import java.util.Objects;

/**
 * A failure a carrier reports to the host. It carries a standard {@link ErrorCode}, a message for the
 * caller, and a {@linkplain #detail() detail} with the carrier's own code and text, which the host
 * passes to the caller as {@code cause} rather than only logging it.
 *
 * <p>Thread-safe: immutable once constructed.
 */
public class CarrierException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String detail;

    /** A failure with no carrier detail. */
    public CarrierException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    /** A failure with the carrier's own code and text in {@code detail}. */
    public CarrierException(ErrorCode code, String message, String detail) {
        this(code, message, detail, null);
    }

    /** A failure caused by {@code cause}; its text becomes the detail when none is given. */
    public CarrierException(ErrorCode code, String message, String detail, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.detail = detail != null ? detail : describe(cause);
    }

    /** The standard error. */
    public ErrorCode code() {
        return code;
    }

    /** The carrier's own code and text, or why the host gave up; may be null. */
    public String detail() {
        return detail;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return null;
        }
        String text = cause.getMessage();
        return text == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + text;
    }
}
