package org.carrierhost.host.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * Who this host is in the cluster.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param nodeId  its {@code cluster.node_id}
 * @param address where its API listens, or {@code embedded}
 * @param version the host's version
 * @param started when it started
 */
public record NodeIdentity(String nodeId, String address, String version, Instant started) {

    /** The default node id: this machine's host name and {@code port}, or the process id when no port is served. */
    public static String defaultNodeId(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String id = (port > 0 ? host + ":" + port : host + ":pid" + ProcessHandle.current().pid()).replaceAll("[^A-Za-z0-9._:-]", "-");
        return id.length() <= 128 ? id : id.substring(id.length() - 128);
    }
}
