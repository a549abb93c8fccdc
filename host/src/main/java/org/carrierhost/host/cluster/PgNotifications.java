package org.carrierhost.host.cluster;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for PostgreSQL notifications of carrier changes ({@code LISTEN carrier_host_changes}, and of rollouts,
 * {@code carrier_host_rollouts}) on a connection of its own, outside the pool, and runs {@code onChange} for each
 * batch received, and once
 * after every (re)connection, so that what was missed while not listening is caught up. A lost connection
 * is opened again after a second.
 *
 * <p>pgjdbc's {@code PGConnection.getNotifications(int)} is reached by reflection, so the host needs the
 * driver only where PostgreSQL is used.
 *
 * <p>Thread-safe: one thread of its own does all the work; {@link #close()} may be called from any thread.
 */
final class PgNotifications implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PgNotifications.class);
    private static final int WAIT_MS = 500;

    private final String url;
    private final String user;
    private final String password;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    PgNotifications(String url, String user, String password, Runnable onChange) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.onChange = onChange;
        this.thread = new Thread(this::run, "cluster-listen");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        boolean warned = false;
        while (!closed) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + ChangeLog.CHANNEL);
                    s.execute("LISTEN " + SharedRollouts.CHANNEL);
                }
                Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", true, c.getClass().getClassLoader());
                Object pg = c.unwrap(pgConnection);
                Method notifications = pgConnection.getMethod("getNotifications", int.class);
                warned = false;
                onChange.run();
                while (!closed) {
                    Object[] received = (Object[]) notifications.invoke(pg, WAIT_MS);
                    if (received != null && received.length > 0) {
                        onChange.run();
                    }
                }
            } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
                if (!closed && !warned) {
                    log.warn("not listening for carrier changes ({}); trying again every second, and checking every cluster.check_ms",
                            e.toString());
                    warned = true;
                }
            } finally {
                connection = null;
            }
            if (!closed) {
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Closing is best effort; the thread ends either way.
            }
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
