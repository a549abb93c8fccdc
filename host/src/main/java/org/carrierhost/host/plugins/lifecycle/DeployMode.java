package org.carrierhost.host.plugins.lifecycle;

/**
 * How a deploy treats content it has seen, and other zips of the same id.
 *
 * <p>Thread-safe: an enum.
 */
enum DeployMode {
    /** Always load a new generation: startup, enable, reload. */
    ALWAYS,
    /** Load only when the file's content differs from what was last deployed from it: the watcher. */
    IF_CHANGED,
    /** Always load, and let it replace a version served from another file: an install. */
    UPGRADE
}
