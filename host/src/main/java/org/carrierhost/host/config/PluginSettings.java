package org.carrierhost.host.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The drop-in directory and the plugin lifecycle ({@code plugins.*}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param dir            {@code plugins.dir}
 * @param startTimeout   {@code plugins.start_timeout_ms}
 * @param stopTimeout    {@code plugins.stop_timeout_ms}
 * @param drainTimeout   {@code plugins.drain_timeout_ms}
 * @param rescanInterval {@code plugins.rescan_ms}: how often the drop-in directory is listed, besides its events
 * @param stableWindow   {@code plugins.stable_ms}: how long a dropped zip must stay unchanged before it is loaded
 * @param zipLimits      {@code plugins.max_zip_*} and {@code plugins.max_unpacked_bytes}
 * @param trust          {@code plugins.trust.*}: who may sign a carrier's zip
 * @param trustSource    where {@code plugins.trust.*} is read again from while the host runs
 * @param selfTest       {@code plugins.selftest.*}: a version's self-test
 * @param isolation      {@code plugins.isolation}: {@code process} or {@code in_process}, how a carrier whose
 *                       {@code carrier.<id>.isolation} is unset runs
 */
public record PluginSettings(Path dir, Duration startTimeout, Duration stopTimeout, Duration drainTimeout,
                             Duration rescanInterval, Duration stableWindow, ZipLimitSettings zipLimits,
                             TrustSettings trust, TrustSource trustSource, SelfTestSettings selfTest,
                             String isolation) {

    static PluginSettings from(HostConfiguration values) {
        return new PluginSettings(values.get(Settings.PLUGINS_DIR), values.get(Settings.PLUGINS_START_TIMEOUT),
                values.get(Settings.PLUGINS_STOP_TIMEOUT), values.get(Settings.PLUGINS_DRAIN_TIMEOUT),
                values.get(Settings.PLUGINS_RESCAN), values.get(Settings.PLUGINS_STABLE), ZipLimitSettings.from(values),
                TrustSettings.from(values), values.trustSource(),
                SelfTestSettings.from(values), values.get(Settings.PLUGINS_ISOLATION));
    }
}
