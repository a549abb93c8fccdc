package org.carrierhost.host.plugins.isolation;

import java.util.List;

/**
 * How a carrier's process ended, in the words the host shows: {@code exit 3}, or {@code signal 9} for a process a
 * signal killed (the JDK reports those as 128 plus the signal), with the last lines it wrote on stderr.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param exitCode the status the JDK reports; -1 when the process would not say
 * @param stderr   its last lines on stderr, oldest first
 * @param why      why the host killed it, for example that it did not answer its heartbeat; null when the host
 *                 did not, or only after it was asked to stop
 */
record ProcessEnd(int exitCode, List<String> stderr, String why) {

    /** The status a carrier's process ends itself with when it has more threads than {@code isolation.max_threads}. */
    static final int OVER_THREAD_LIMIT = 86;

    ProcessEnd {
        stderr = List.copyOf(stderr);
    }

    ProcessEnd(int exitCode, List<String> stderr) {
        this(exitCode, stderr, null);
    }

    /**
     * {@code exit N}, or {@code signal S (exit N)}, after why the host killed it, if it did; the thread limit's
     * status says so.
     */
    String status() {
        String status;
        if (exitCode > 128 && exitCode < 160) {
            status = "signal " + (exitCode - 128) + " (exit " + exitCode + ")";
        } else if (exitCode == OVER_THREAD_LIMIT) {
            status = "exit " + exitCode + ", over its thread limit (isolation.max_threads)";
        } else {
            status = exitCode < 0 ? "exit unknown" : "exit " + exitCode;
        }
        return why == null ? status : why + ", killed: " + status;
    }

    /** Its last lines on stderr as one text, or null when it wrote none. */
    String stderrTail() {
        return stderr.isEmpty() ? null : String.join("\n", stderr);
    }
}
