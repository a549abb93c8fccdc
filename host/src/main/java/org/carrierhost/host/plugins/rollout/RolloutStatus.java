package org.carrierhost.host.plugins.rollout;

import java.util.Locale;

/**
 * Where a canary rollout stands.
 *
 * <p>Thread-safe: an enum.
 */
public enum RolloutStatus {
    /** The canary takes its share, and each window is judged. */
    RUNNING,
    /** An operator paused it: the canary keeps its share, and no window is judged. */
    PAUSED,
    /** Every step passed, or an operator promoted it: the canary is the one version; the old one is unloaded. */
    PROMOTED,
    /** A window failed it, or an operator aborted it: the stable version serves alone; the canary is unloaded. */
    ROLLED_BACK;

    /** Whether the rollout has ended. */
    public boolean ended() {
        return this == PROMOTED || this == ROLLED_BACK;
    }

    /** The name the API uses, for example {@code rolled_back}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
