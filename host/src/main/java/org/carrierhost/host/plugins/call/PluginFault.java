package org.carrierhost.host.plugins.call;

/**
 * A carrier threw something other than a {@code CarrierException}: a bug, or a class its unloaded loader
 * can no longer find. The call answers {@code carrier_fault}, and the carrier's breaker counts it.
 *
 * <p>Not shared between threads.
 */
final class PluginFault extends Exception {

    private static final long serialVersionUID = 1L;

    PluginFault(Throwable cause) {
        super(cause);
    }
}
