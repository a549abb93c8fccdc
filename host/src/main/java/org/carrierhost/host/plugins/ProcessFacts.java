package org.carrierhost.host.plugins;

/**
 * What the host shows of an isolated carrier's process: its pid, how often it was started again, its resident
 * memory, and how its last process ended.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param pid      the process serving now; -1 while it is being started again
 * @param restarts how many times the host started it again since this version loaded
 * @param rssKib   its resident memory in KiB; -1 when unknown
 * @param lastEnd  how the last process that ended without being asked ended, for example {@code signal 9 (exit 137)};
 *                 null when none did
 */
public record ProcessFacts(long pid, int restarts, long rssKib, String lastEnd) {
}
