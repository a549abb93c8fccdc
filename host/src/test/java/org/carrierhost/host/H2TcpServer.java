package org.carrierhost.host;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;

import org.h2.tools.Server;

/**
 * An H2 database served over TCP on a loopback port, which a test can stop and start again on the same
 * port: a registry that becomes unreachable and comes back.
 *
 * <p>Not thread-safe: one test drives it.
 */
public final class H2TcpServer implements AutoCloseable {

    private final Path baseDir;
    private final int port;
    private Server server;

    private H2TcpServer(Path baseDir, int port) {
        this.baseDir = baseDir;
        this.port = port;
    }

    /** Serves databases kept in {@code baseDir}, on a free port. */
    public static H2TcpServer start(Path baseDir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        H2TcpServer h2 = new H2TcpServer(baseDir, port);
        h2.restart();
        return h2;
    }

    /** The {@code store.jdbc_url} of its database {@code registry}. */
    public String url() {
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/registry;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Stops serving: every connection breaks, new ones are refused. */
    public void stop() {
        server.stop();
    }

    /** Serves again on the same port (retrying while the port is still being released). */
    public void restart() throws Exception {
        SQLException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", baseDir.toString(),
                        "-ifNotExists").start();
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }

    @Override
    public void close() {
        server.stop();
    }
}
