package org.carrierhost.host.plugins.load;

import java.util.List;

import org.carrierhost.host.plugins.PluginFailure;

/**
 * How a generation's retirement went.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param stop    why the extension's {@code stop()} failed or overran, or null
 * @param unload  why PF4J's stop and unload failed or overran, or null
 * @param threads the plugin's threads found running after the unload, in one line; null when none
 * @param leftRunning the ids of those threads that survived the interrupt; empty when none did
 */
public record Retirement(PluginFailure stop, PluginFailure unload, String threads, List<Long> leftRunning) {

    /** A retirement with nothing to report. */
    public static final Retirement CLEAN = new Retirement(null, null, null, List.of());

    public Retirement {
        leftRunning = List.copyOf(leftRunning);
    }

    /** Whether some of the plugin's threads survived the interrupt. */
    public boolean leaking() {
        return !leftRunning.isEmpty();
    }

    /** The failure to show on the carrier, or null: a failed stop, a failed unload, or leaking threads. */
    public PluginFailure failure(String target) {
        if (stop != null) {
            return stop;
        }
        if (unload != null) {
            return unload;
        }
        return leaking() ? PluginFailure.now("leaking: threads of " + target + " survived the unload", threads) : null;
    }
}
