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
 * @param retry          {@code plugins.selftest.retry_ms}: the first wait before a first install's self-test is retried
 * @param retryMax       {@code plugins.selftest.retry_max_ms}: the longest wait between two retries
 */
public record SelfTestSettings(Duration timeout, boolean beforeServing, OnInconclusive onInconclusive, int budget,
                               Duration retry, Duration retryMax) {

    /** What becomes of a new version whose self-test, before it serves, is inconclusive. */
    public enum OnInconclusive {
        /** It is refused, and the old version serves on. */
        REFUSE,
        /** It serves, as if it had passed. */
        KEEP
    }

    /** The defaults: no self-test before serving. */
    public static final SelfTestSettings DEFAULTS = new SelfTestSettings(Duration.ofSeconds(10), false, OnInconclusive.REFUSE, 3,
            Duration.ofSeconds(5), Duration.ofMinutes(5));

    /** The wait before retry {@code attempt} (from 0): {@link #retry} doubled each time, at most {@link #retryMax}. */
    public Duration retryAfter(int attempt) {
        Duration wait = retry;
        for (int i = 0; i < attempt && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) < 0 ? wait : retryMax;
    }

    static SelfTestSettings from(HostConfiguration values) {
        return new SelfTestSettings(values.get(Settings.SELFTEST_TIMEOUT), values.get(Settings.SELFTEST_BEFORE_SERVING),
                OnInconclusive.valueOf(values.get(Settings.SELFTEST_ON_INCONCLUSIVE).toUpperCase(Locale.ROOT)),
                values.get(Settings.SELFTEST_BUDGET), values.get(Settings.SELFTEST_RETRY), values.get(Settings.SELFTEST_RETRY_MAX));
    }
}
