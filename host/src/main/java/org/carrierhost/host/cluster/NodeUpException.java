package org.carrierhost.host.cluster;

import java.time.Instant;

/**
 * A node that was asked to be removed from the cluster view while its heartbeat is recent: it would be back at its
 * next heartbeat, so it is left; stop it first.
 *
 * <p>Thread-safe: immutable.
 */
public final class NodeUpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NodeUpException(String nodeId, Instant heartbeat) {
        super("node " + nodeId + " is up (last heartbeat " + heartbeat + "); stop it first, or it is back at its next heartbeat");
    }
}
