package org.carrierhost.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The standard errors. Every failure that crosses the carrier manager, the HTTP API or the console is
 * one of these, with its HTTP status and its wire name.
 *
 * <p>Thread-safe: an enum of constants.
 */
public enum ErrorCode {
    /** A bad prefix, number, quantity or body. */
    INVALID(400),
    /** The admin token is missing or wrong. */
    UNAUTHORIZED(401),
    /** The token's role may not make this change. */
    FORBIDDEN(403),
    /** Unknown number or carrier. */
    NOT_FOUND(404),
    /** The number is already taken. */
    NUMBER_EXISTS(409),
    /** The move is not allowed from the number's current state. */
    INVALID_STATE_TRANSITION(409),
    /** The upload or body is over its limit. */
    TOO_LARGE(413),
    /** The carrier is throttling and the retry budget is spent. */
    RATE_LIMITED(429),
    /** The carrier rejected the request; its own code and text belong in the cause. */
    CARRIER_FAULT(502),
    /** The carrier is disabled, failed, unloaded or not configured. */
    CARRIER_UNAVAILABLE(503),
    /** The carrier missed its deadline. */
    TIMEOUT(504);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** The HTTP status this error is answered with. */
    public int status() {
        return status;
    }

    /** The name used on the wire, for example {@code carrier_fault}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The code whose wire name (or enum name) is {@code name}, ignoring case. */
    public static Optional<ErrorCode> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim();
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst();
    }
}
