package org.carrierhost.host.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the connections open at once from one client address ({@code http.max_connections_per_address}):
 * one more is closed as soon as it opens, so no one address can hold every file descriptor or every slot of
 * the selector. Only network connections are counted (under TLS, the encrypted one).
 *
 * <p>Thread-safe: one atomic counter per address in a concurrent map; an address's entry is removed when
 * its last connection closes, so the maps hold only connections open and their addresses.
 */
final class AddressConnections implements Connection.Listener {

    private static final Logger log = LoggerFactory.getLogger(AddressConnections.class);

    private final int perAddress;
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    /** Each counted connection's address: once closed, a connection no longer knows it. */
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    AddressConnections(int perAddress) {
        this.perAddress = perAddress;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = address(connection);
        if (address == null) {
            return;
        }
        counted.put(connection, address);
        int now = open.compute(address, (a, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            c.incrementAndGet();
            return c;
        }).get();
        if (now > perAddress) {
            log.debug("closing a connection from {}: it has {} open, over http.max_connections_per_address", address, now - 1);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    private static InetAddress address(Connection connection) {
        if (connection.getEndPoint() instanceof SocketChannelEndPoint network
                && network.getRemoteSocketAddress() instanceof InetSocketAddress remote) {
            return remote.getAddress();
        }
        return null;
    }
}
