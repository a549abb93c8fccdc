package org.carrierhost.host.plugins;

import java.time.Instant;
import java.util.Objects;

/**
 * Why a plugin could not be loaded, started, stopped or unloaded, in words an operator can act on.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param message what failed, for example {@code plugin.requires not met}
 * @param cause   the underlying reason, for example the exception's text; may be null
 * @param time    when it happened
 */
public record PluginFailure(String message, String cause, Instant time) {

    public PluginFailure {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
    }

    /** A failure now. */
    public static PluginFailure now(String message, String cause) {
        return new PluginFailure(message, cause, Instant.now());
    }

    /** The failure as one line, for logs and events. */
    public String describe() {
        return cause == null ? message : message + ": " + cause;
    }
}
