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
 * @param kind    what kind of failure it is, for the host to act on without reading the message
 */
public record PluginFailure(String message, String cause, Instant time, Kind kind) {

    public PluginFailure {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
    }

    /** A failure now, of a plugin that could not load, start, stop or unload. */
    public static PluginFailure now(String message, String cause) {
        return new PluginFailure(message, cause, Instant.now(), Kind.PLUGIN);
    }

    /** A zip refused now because another file serves its id. */
    public static PluginFailure duplicateOf(String id, String cause) {
        return new PluginFailure("duplicate plugin id " + id, cause, Instant.now(), Kind.DUPLICATE_ID);
    }

    /** A carrier quarantined now: the host stopped while calling it, and it stays off until retried. */
    public static PluginFailure quarantined(String reason, String cause) {
        return new PluginFailure(reason, cause, Instant.now(), Kind.QUARANTINED);
    }

    /** The kinds of failure the host tells apart. */
    public enum Kind {
        /** The plugin's code or zip failed. */
        PLUGIN,
        /** The zip is fine, but another file already serves its id; it loads once that file goes. */
        DUPLICATE_ID,
        /** The host stopped while calling the plugin; it is not started again until an operator retries it. */
        QUARANTINED
    }

    /** The failure as one line, for logs and events. */
    public String describe() {
        return cause == null ? message : message + ": " + cause;
    }
}
