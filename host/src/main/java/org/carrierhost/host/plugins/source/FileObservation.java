package org.carrierhost.host.plugins.source;

/**
 * What the watcher saw of one file: its signature, since when it has been unchanged, and whether the zip
 * with that signature was handed to the lifecycle.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param signature  its size, time and file key
 * @param sinceNanos {@link System#nanoTime()} when it was first seen with that signature
 * @param handed     whether it was let through to be deployed
 */
record FileObservation(FileSignature signature, long sinceNanos, boolean handed) {
}
