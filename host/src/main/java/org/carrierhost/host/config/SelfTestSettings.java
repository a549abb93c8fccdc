package org.carrierhost.host.config;

import java.time.Duration;
import java.util.Locale;

/**
 * A version's self-test ({@code plugins.selftest.*}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param timeout        {@code plugins.selftest.timeout_ms}
 * @param beforeServing  {@code plugins.selftest.before_serving}
 * @param onInconclusive {@code plugins.selftest.on_inconclusive}
 * @param budget         {@code plugins.selftest.budget}
 */
public record SelfTestSettings(Duration timeout, boolean beforeServing, OnInconclusive onInconclusive, int budget) {

    /** What becomes of a new version whose self-test, before it serves, is inconclusive. */
    public enum OnInconclusive {
        /** It is refused, and the old version serves on. */
        REFUSE,
        /** It serves, as if it had passed. */
        KEEP
    }

    /** The defaults: no self-test before serving. */
    public static final SelfTestSettings DEFAULTS = new SelfTestSettings(Duration.ofSeconds(10), false, OnInconclusive.REFUSE, 3);

    static SelfTestSettings from(HostConfiguration values) {
        return new SelfTestSettings(values.get(Settings.SELFTEST_TIMEOUT), values.get(Settings.SELFTEST_BEFORE_SERVING),
                OnInconclusive.valueOf(values.get(Settings.SELFTEST_ON_INCONCLUSIVE).toUpperCase(Locale.ROOT)),
                values.get(Settings.SELFTEST_BUDGET));
    }
}
