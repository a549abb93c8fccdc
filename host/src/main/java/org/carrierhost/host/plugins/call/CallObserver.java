package org.carrierhost.host.plugins.call;

import org.carrierhost.host.errors.StandardError;

/**
 * Told how each call made on one lease ended: what a canary rollout counts of each version.
 *
 * <p>Implementations are thread-safe: calls end on many threads at once.
 */
@FunctionalInterface
public interface CallObserver {

    /** Tells nothing. */
    CallObserver NONE = (key, nanos, error, value) -> { };

    /**
     * A call ended.
     *
     * @param key   the call's key
     * @param nanos how long it took
     * @param error why it failed ({@code timeout} when it missed its deadline), or null when it answered
     * @param value what it answered, or null
     */
    void settled(CallKey key, long nanos, StandardError error, Object value);
}
