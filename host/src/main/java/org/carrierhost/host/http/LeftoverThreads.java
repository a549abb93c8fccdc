package org.carrierhost.host.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.carrierhost.host.events.HostEvent;
import org.carrierhost.host.events.HostEventListener;
import org.carrierhost.host.events.ThreadsLeftRunning;

/**
 * Watches the threads unloaded carriers left running ({@link ThreadsLeftRunning}) and tells readiness which of
 * them burn CPU: a thread that used more than {@value #BURNING_PERCENT}% of one CPU over the last second or more.
 * A thread that ended is forgotten; one that only waits costs a thread, which the unload event already names.
 *
 * <p>Thread-safe: the watched threads and their last samples are guarded by this object; a sample reads the
 * JVM's per-thread CPU clock, which is cheap, and never blocks.
 */
final class LeftoverThreads implements HostEventListener {

    static final int BURNING_PERCENT = 10;
    private static final long MIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<Watched> watched = new ArrayList<>();

    @Override
    public void onEvent(HostEvent event) {
        if (event instanceof ThreadsLeftRunning left && threads.isThreadCpuTimeSupported()) {
            long now = System.nanoTime();
            synchronized (this) {
                for (long id : left.threadIds()) {
                    watched.add(new Watched(left.carrier(), left.version(), id, threads.getThreadCpuTime(id), now));
                }
            }
        }
    }

    /** One line per carrier whose left threads burn CPU now; empty when none do. */
    synchronized List<String> burning() {
        long now = System.nanoTime();
        Map<String, Integer> percentByCarrier = new java.util.TreeMap<>();
        for (int i = watched.size() - 1; i >= 0; i--) {
            Watched w = watched.get(i);
            long cpu = threads.getThreadCpuTime(w.threadId);
            if (cpu < 0) {
                watched.remove(i); // the thread ended
                continue;
            }
            if (now - w.sampledAt >= MIN_INTERVAL_NANOS) {
                w.percent = (int) Math.min(100, (cpu - w.cpuAtSample) * 100 / (now - w.sampledAt));
                w.cpuAtSample = cpu;
                w.sampledAt = now;
            }
            if (w.percent > BURNING_PERCENT) {
                percentByCarrier.merge(w.carrier + " " + w.version, w.percent, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        percentByCarrier.forEach((carrier, percent) -> lines.add("carrier " + carrier + " was unloaded but its threads"
                + " still burn " + percent + "% of a CPU (its unload event names them; a restart ends them)"));
        return lines;
    }

    /** One thread left running, and its CPU time at the last sample. */
    private static final class Watched {
        final String carrier;
        final String version;
        final long threadId;
        long cpuAtSample;
        long sampledAt;
        int percent;

        Watched(String carrier, String version, long threadId, long cpuAtSample, long sampledAt) {
            this.carrier = carrier;
            this.version = version;
            this.threadId = threadId;
            this.cpuAtSample = Math.max(0, cpuAtSample);
            this.sampledAt = sampledAt;
        }
    }
}
