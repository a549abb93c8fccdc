package org.carrierhost.host.plugins.lifecycle;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.plugins.PluginFailure;

/**
 * The standard errors the lifecycle's verbs answer with.
 *
 * <p>Thread-safe: stateless.
 */
final class Refusals {

    private Refusals() {
    }

    /** {@code not_found}: the host knows no carrier {@code id}. */
    static StandardException notFound(String id) {
        return new StandardException(new StandardError(ErrorCode.NOT_FOUND, "unknown carrier " + id, null, id));
    }

    /** {@code invalid}, about carrier {@code id} (null: no carrier). */
    static StandardException invalid(String id, String message, String cause) {
        return new StandardException(new StandardError(ErrorCode.INVALID, message, cause, id));
    }

    /** {@code invalid}: {@code failure} keeps carrier {@code id} (null: a zip with no carrier) from serving. */
    static StandardException invalid(String id, PluginFailure failure) {
        return invalid(id, failure.message(), failure.cause());
    }

    /** {@code carrier_unavailable}: done here, but the other hosts could not be told. */
    static StandardException untold(String id, RuntimeException why) {
        return new StandardException(new StandardError(ErrorCode.CARRIER_UNAVAILABLE,
                "done on this host, but the other hosts cannot be told: the database is unreachable", why.getMessage(), id));
    }
}
