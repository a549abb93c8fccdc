package org.carrierhost.host.plugins.isolation;

import java.time.Duration;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.host.config.Settings;

/**
 * How carrier {@code carrier.<id>.isolation.*} says it runs, over {@code plugins.isolation}: in the host's process,
 * or in one of its own with its heap, processors and threads limited, and when its crashes quarantine it.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param isolated     {@code isolation=process}, or {@code isolation} unset and {@code plugins.isolation=process}
 * @param maxHeapMb    {@code isolation.max_heap_mb}: the process's {@code -Xmx}
 * @param cpus         {@code isolation.cpus}: the processors it sees and, where it can be, runs on; 0 for all
 * @param maxThreads   {@code isolation.max_threads}: past this many threads the process ends itself; 0 for no limit
 * @param crashLimit   {@code isolation.crash_limit}: this many ends within the window quarantine it
 * @param crashWindow  {@code isolation.crash_window_ms}
 * @param backoff      {@code isolation.restart_backoff_ms}: the first wait before a restart, doubled per crash
 * @param heartbeat    {@code isolation.heartbeat_ms}: how often the process is asked if it is alive, and how long
 *                     it has to answer
 */
public record IsolationSettings(boolean isolated, int maxHeapMb, int cpus, int maxThreads, int crashLimit,
                                Duration crashWindow, Duration backoff, Duration heartbeat) {

    /** The value of {@code isolation} that runs a carrier in a process of its own. */
    public static final String PROCESS = "process";

    /**
     * The settings in carrier {@code id}'s section, over the defaults; its {@code isolation}, unset, is
     * {@code hostWide} ({@code plugins.isolation}).
     */
    public static IsolationSettings from(String id, CarrierConfig section, String hostWide) {
        return new IsolationSettings(PROCESS.equals(chosen(id, section).orElse(hostWide)),
                Settings.ISOLATION_MAX_HEAP.inSection(id, section), Settings.ISOLATION_CPUS.inSection(id, section),
                Settings.ISOLATION_MAX_THREADS.inSection(id, section), Settings.ISOLATION_CRASH_LIMIT.inSection(id, section),
                Settings.ISOLATION_CRASH_WINDOW.inSection(id, section), Settings.ISOLATION_RESTART_BACKOFF.inSection(id, section),
                Settings.ISOLATION_HEARTBEAT.inSection(id, section));
    }

    /** What carrier {@code id}'s own section says of its isolation, when it says anything. */
    static java.util.Optional<String> chosen(String id, CarrierConfig section) {
        String key = Settings.ISOLATION.keyFor(id);
        return section.get("isolation").map(text -> Settings.ISOLATION.parse(key, text));
    }

    /** The wait before restart number {@code crashes} in the window: the backoff doubled per crash, at most 30 s. */
    Duration backoffAfter(int crashes) {
        long millis = backoff.toMillis() << Math.min(16, Math.max(0, crashes - 1));
        return Duration.ofMillis(Math.min(millis, 30_000));
    }
}
