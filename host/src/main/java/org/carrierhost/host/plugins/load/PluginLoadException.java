package org.carrierhost.host.plugins.load;

import org.carrierhost.host.plugins.PluginFailure;
/**
 * A plugin zip that could not be made to serve, with the reason.
 *
 * <p>Thread-safe: immutable.
 */
public final class PluginLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient PluginFailure failure;

    public PluginLoadException(String message, String cause) {
        super(cause == null ? message : message + ": " + cause);
        this.failure = PluginFailure.now(message, cause);
    }

    /** The plugin must not serve for a reason of a known kind, such as a quarantine. */
    public PluginLoadException(PluginFailure failure) {
        super(failure.describe());
        this.failure = failure;
    }

    public PluginLoadException(String message, Throwable cause) {
        this(message, TimeBox.describe(cause));
        initCause(cause);
    }

    /** The reason, as shown on the carrier and in the event log. */
    public PluginFailure failure() {
        return failure;
    }
}
