package org.carrierhost.host.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * Makes a commit durable (on disk, fsynced) before the caller answers, with concurrent callers sharing
 * one flush: group commit.
 *
 * <p>PostgreSQL needs nothing here: its commit returns after the WAL reached the disk
 * ({@code synchronous_commit} on, the default), and sessions committing together share the WAL flush. H2's
 * MVStore writes each commit to the file but never forces it to the disk, so an acknowledged write
 * survives a killed process but not a power loss. On H2 each caller, after its commit returned, takes a
 * ticket and waits until a flush that started after its ticket finished: one caller (the leader) runs
 * {@code CHECKPOINT SYNC} (the store's pending changes written, then {@code fsync}) for every ticket
 * handed out so far, while the callers that came during that flush wait for the next one, which one of them
 * leads. No caller returns before a flush that began after its own commit has ended.
 *
 * <p>Thread-safe: the tickets and the flush state are guarded by one monitor; the flush itself runs outside it.
 */
public final class GroupCommit {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GroupCommit.class);
    /** H2's error code for a statement only an admin may run. */
    private static final int ADMIN_RIGHTS_REQUIRED = 90040;

    private final Object lock = new Object();
    private final LongAdder flushes = new LongAdder();
    /** Whether the database needs the flush (H2); null until the first connection tells. */
    private volatile Boolean needed;
    private long tickets;
    private long durable;
    private boolean flushing;

    /**
     * Returns once the commit the caller just made on a connection of {@code dataSource} (and every earlier one) is
     * on disk. Call it after giving the connection back: a waiting caller holds none, and the flush's leader borrows one.
     */
    public void awaitDurable(DataSource dataSource) throws SQLException {
        if (!needed(dataSource)) {
            return;
        }
        long ticket;
        synchronized (lock) {
            ticket = ++tickets;
        }
        while (true) {
            long target;
            synchronized (lock) {
                while (durable < ticket && flushing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SQLException("interrupted before the commit was known to be on disk", "08000", e);
                    }
                }
                if (durable >= ticket) {
                    return;
                }
                flushing = true;
                target = tickets;
            }
            boolean flushed = false;
            try {
                flush(dataSource);
                flushed = true;
            } finally {
                synchronized (lock) {
                    flushing = false;
                    if (flushed) {
                        durable = Math.max(durable, target);
                    }
                    lock.notifyAll();
                }
            }
        }
    }

    /** How many flushes ran (each served every commit waiting when it began). */
    public long flushes() {
        return flushes.sum();
    }

    /** How many commits waited for a flush. */
    public long commits() {
        synchronized (lock) {
            return tickets;
        }
    }

    private void flush(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
        flushes.increment();
    }

    private boolean needed(DataSource dataSource) throws SQLException {
        Boolean known = needed;
        if (known == null) {
            try (Connection c = dataSource.getConnection()) {
                known = !Dialect.isPostgres(c) && mayFlush(c);
            }
            needed = known;
        }
        return known;
    }

    /** Whether this H2 user may run {@code CHECKPOINT SYNC} (it needs admin rights; the embedded default's user has them). */
    private static boolean mayFlush(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() != ADMIN_RIGHTS_REQUIRED) {
                throw e;
            }
            log.warn("the H2 user has no admin rights, so commits cannot be forced to disk (CHECKPOINT SYNC):"
                    + " an acknowledged write survives a killed host but not a power loss");
            return false;
        }
    }
}
