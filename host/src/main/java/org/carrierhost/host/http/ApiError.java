package org.carrierhost.host.http;

import org.carrierhost.host.errors.StandardError;

/**
 * The standard error, as it is written on the wire: {@code {"error": {code, error, message, cause, carrier}}}.
 * Every failure the server answers, from a route, the router or Jetty itself, is rendered through this one
 * shape.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param code    the HTTP status
 * @param error   the error's wire name, for example {@code not_found}
 * @param message what went wrong
 * @param cause   why, or null
 * @param carrier the carrier it concerns, or null
 */
public record ApiError(int code, String error, String message, String cause, String carrier) {

    /** The wire form of {@code error}. */
    public static ApiError of(StandardError error) {
        return new ApiError(error.code().status(), error.code().wireName(), error.message(), error.cause(), error.carrier());
    }

    /** An error the router or the server raises, not one of the carrier codes. */
    public static ApiError of(int status, String error, String message, String cause) {
        return new ApiError(status, error, message, cause, null);
    }

    /** The body that carries it. */
    public Body body() {
        return new Body(this);
    }

    /**
     * The error body.
     *
     * @param error the error
     */
    public record Body(ApiError error) {
    }
}
