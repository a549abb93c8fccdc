package org.carrierhost.host.plugins.lifecycle;

import java.util.Map;

/**
 * Where enable and disable are persisted, so they survive restarts. PF4J's own
 * {@code enabled.txt}/{@code disabled.txt} are not used: they are per manager root, and each generation
 * has its own.
 *
 * <p>Implementations are thread-safe.
 */
public interface CarrierStateStore {

    /** Whether carrier {@code id} is enabled; a carrier never set is enabled. */
    boolean isEnabled(String id);

    /** Persists the carrier's enabled flag, as changed by {@code actor}; durable on return. */
    void setEnabled(String id, boolean enabled, String actor);

    /** Every carrier with a persisted flag. */
    Map<String, Boolean> all();
}
