package org.carrierhost.host.events;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as a listener of the host's events: each audited event is queued on the raising thread
 * (no database work under a carrier's lifecycle lock or on a request, and no log line either: the logger
 * can block, so the writer logs each entry) and written by a thread of its own,
 * in batches. A read waits for what was queued before it, so the log never misses an event that already
 * happened; {@link #close()} writes everything still queued, so a clean stop loses nothing. Readers of
 * what was just written (the console's event stream) {@link #follow} it: they get each batch, with the ids
 * the log gave it, in id order, on the writer's thread.
 *
 * <p>Thread-safe: a blocking queue between the raising threads and the one writer; followers are kept in
 * a copy-on-write list.
 */
public final class AuditLog implements HostEventListener, EventLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 500;
    /** Marks the end of the queue for the writer. */
    private static final Event STOP = Event.ok("audit", "stop", "-");

    private final JdbcEventLog store;
    private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final List<Consumer<List<LoggedEvent>>> followers = new CopyOnWriteArrayList<>();
    private final Object progress = new Object();
    private long queued;
    private long written;

    public AuditLog(JdbcEventLog store) {
        this.store = store;
        this.writer = new Thread(this::drain, "audit-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void onEvent(HostEvent event) {
        event.auditEntry().ifPresent(this::enqueue);
    }

    private void enqueue(Event entry) {
        // Logged by the writer (logLines), never here: a log line on a request thread can block on the logger.
        synchronized (progress) {
            queued++;
            queue.add(entry);
        }
    }

    @Override
    public List<Event> recent(int limit) {
        flush();
        return store.recent(limit);
    }

    @Override
    public List<LoggedEvent> find(EventQuery query) {
        flush();
        return store.find(query);
    }

    /**
     * Hands {@code follower} every batch written from now on, on the writer's thread: it must return
     * quickly. One that throws is logged and kept.
     */
    public void follow(Consumer<List<LoggedEvent>> follower) {
        followers.add(follower);
    }

    /** Stops handing batches to {@code follower}. */
    public void unfollow(Consumer<List<LoggedEvent>> follower) {
        followers.remove(follower);
    }

    /** Waits (up to a few seconds) until every event queued so far is written. */
    public void flush() {
        long target;
        synchronized (progress) {
            target = queued;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (progress) {
            while (written < target && writer.isAlive() && System.nanoTime() < deadline) {
                try {
                    progress.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void drain() {
        List<Event> batch = new ArrayList<>(BATCH);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Only close() stops the writer, through STOP; keep draining.
                continue;
            }
            queue.drainTo(batch, BATCH - 1);
            stopping = batch.remove(STOP);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Event> batch) {
        logLines(batch);
        List<LoggedEvent> stored = List.of();
        if (!batch.isEmpty()) {
            try {
                stored = store.append(batch);
            } catch (SQLException | RuntimeException e) {
                log.error("cannot write {} audit events: {}", batch.size(), e.getMessage());
            }
        }
        synchronized (progress) {
            written += batch.size();
            progress.notifyAll();
        }
        if (!stored.isEmpty()) {
            for (Consumer<List<LoggedEvent>> follower : followers) {
                try {
                    follower.accept(stored);
                } catch (RuntimeException e) {
                    log.warn("audit log follower {} failed: {}", follower, e.toString());
                }
            }
        }
    }

    /** Each entry's log line, on the writer's thread. */
    private static void logLines(List<Event> batch) {
        for (Event entry : batch) {
            if (Event.FAILED.equals(entry.result())) {
                log.warn("{} {} {} failed: {}", entry.actor(), entry.action(), entry.target(), entry.error());
            } else {
                log.info("{} {} {}", entry.actor(), entry.action(), entry.target());
            }
        }
    }

    /** Writes every event still queued, then stops the writer. */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
