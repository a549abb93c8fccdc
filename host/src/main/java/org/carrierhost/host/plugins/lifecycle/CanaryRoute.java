package org.carrierhost.host.plugins.lifecycle;

import org.carrierhost.host.plugins.call.CallKey;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.rollout.StickyShare;
import org.carrierhost.host.plugins.rollout.VersionWindow;

/**
 * Which calls of a carrier in a canary rollout reach the canary, beside the version that serves: searches of the
 * accounts under its weight ({@link StickyShare}), and from its {@code acquire_from} step their acquires and
 * disconnects too; every other call (none for an account, checks, holds, inventories, self-tests) reaches the stable
 * version. Each version's calls are counted in its own window. A new route is set at each step.
 *
 * <p>Thread-safe: an immutable value; the windows are thread-safe.
 *
 * @param canary       the new version
 * @param weight       its share, in percent
 * @param acquires     whether acquires and disconnects reach it
 * @param stableWindow the serving version's calls in the current window
 * @param canaryWindow the canary's calls in the current window
 */
record CanaryRoute(Generation canary, int weight, boolean acquires, VersionWindow stableWindow, VersionWindow canaryWindow) {

    /** Whether the call {@code key} describes reaches the canary. */
    boolean takes(CallKey key) {
        return switch (key.operation()) {
            case FIND -> StickyShare.toCanary(key.account(), weight);
            case ACQUIRE, DISCONNECT -> acquires && StickyShare.toCanary(key.account(), weight);
            default -> false;
        };
    }

    /** This route at {@code share} percent, acquires joining as {@code withAcquires} says. */
    CanaryRoute at(int share, boolean withAcquires) {
        return new CanaryRoute(canary, share, withAcquires, stableWindow, canaryWindow);
    }
}
