package org.carrierhost.host.plugins.lifecycle;

/**
 * Where a change to a carrier comes from.
 *
 * <p>Thread-safe: an enum.
 */
public enum Origin {
    /** Asked of this host: persisted here and told to the other hosts. */
    HERE,
    /** Made on another host, already persisted: only applied here. */
    CLUSTER
}
