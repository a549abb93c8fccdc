package org.carrierhost.host.plugins.isolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier process's stderr, drained by its own daemon thread: the last {@value #TAIL_LINES} lines are kept (each cut
 * at 500 characters) to show how the process ended, and every line is logged at debug, prefixed with the carrier
 * and pid.
 *
 * <p>Thread-safe: the tail is guarded by its own monitor, and the drained flag by another.
 */
final class StderrTail {

    private static final Logger log = LoggerFactory.getLogger(StderrTail.class);
    private static final int TAIL_LINES = 20;

    private final String carrierId;
    private final Process process;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Object drainedMonitor = new Object();
    private boolean drained;

    StderrTail(String carrierId, Process process) {
        this.carrierId = carrierId;
        this.process = process;
    }

    /** Starts the thread that drains the stream until the process closes it. */
    void start() {
        Thread drain = new Thread(this::drain, "carrier-process-stderr-" + carrierId);
        drain.setDaemon(true);
        drain.start();
    }

    private void drain() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                String kept = line.length() > 500 ? line.substring(0, 500) + "..." : line;
                synchronized (tail) {
                    tail.addLast(kept);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                log.debug("[carrier {} pid {}] {}", carrierId, process.pid(), kept);
            }
        } catch (IOException ignored) {
            // The process ended.
        } finally {
            synchronized (drainedMonitor) {
                drained = true;
                drainedMonitor.notifyAll();
            }
        }
    }

    /** Waits up to half a second for the last of the stream, so the tail holds the process's last words. */
    void awaitDrained() {
        synchronized (drainedMonitor) {
            long until = System.currentTimeMillis() + 500;
            while (!drained && System.currentTimeMillis() < until) {
                try {
                    drainedMonitor.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The last lines read, oldest first. */
    List<String> lastLines() {
        synchronized (tail) {
            return new ArrayList<>(tail);
        }
    }
}
