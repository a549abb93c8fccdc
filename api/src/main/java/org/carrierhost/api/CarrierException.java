package org.carrierhost.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A failure a carrier reports to the host. It carries a standard {@link ErrorCode}, a message for the
 * caller, and a {@linkplain #detail() detail} with the carrier's own code and text, which the host
 * passes to the caller as {@code cause} rather than only logging it.
 *
 * <p>A failure may also carry {@linkplain #data() carrier data} that the host keeps on the number's record
 * although the call failed: what the call left behind at the carrier, such as the id of an order whose outcome
 * is not known yet.
 *
 * <p>Thread-safe: immutable once constructed.
 */
public class CarrierException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String detail;
    /** JSON-like values only; not serialised with the exception. */
    private final transient Map<String, Object> data;

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
        this(code, message, detail, cause, Map.of());
    }

    private CarrierException(ErrorCode code, String message, String detail, Throwable cause, Map<String, ?> data) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.detail = detail != null ? detail : describe(cause);
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /**
     * This failure carrying {@code data}, carrier data for the host to keep on the number's record although the
     * call failed (JSON-like values only, as in {@link NumberRecord#data()}).
     */
    public CarrierException withData(Map<String, ?> data) {
        CarrierException copy = new CarrierException(code, getMessage(), detail, getCause(), Objects.requireNonNull(data, "data"));
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The carrier data to keep on the number's record although the call failed; empty unless given. */
    public Map<String, Object> data() {
        return data == null ? Map.of() : data;
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
