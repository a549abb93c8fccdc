package org.carrierhost.host.cluster;

/**
 * One carrier on one node, as of that node's latest heartbeat.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id      the carrier id
 * @param version the version it serves or last served, or null
 * @param state   its state there: {@code STARTED}, {@code DISABLED}, {@code FAILED}, ...
 * @param enabled whether it is enabled there
 * @param source  {@code directory} or {@code cluster}
 * @param sha256  the SHA-256 of the zip its serving version came from, or null
 * @param refused why that node's trust policy refused the zip last judged for it (a zip another host
 *                installed, say), or null when it did not
 */
public record NodeCarrier(String id, String version, String state, boolean enabled, String source, String sha256, String refused) {
}
