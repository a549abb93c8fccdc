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
 * the log gave it, in id order, on the writer's thread. Given a journal directory, each entry is forced to
 * a file there ({@link AuditJournal}) before the raising thread goes on, so before the action is answered,
 * and a batch the database refuses is tried again until it is written: an outage delays entries, never
 * drops them, and a crash leaves them for the next start.
 *
 * <p>Thread-safe: a blocking queue between the raising threads and the one writer; followers are kept in
 * a copy-on-write list.
 */
public final class AuditLog implements HostEventListener, EventLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 500;
    /** Marks the end of the queue for the writer. */
    private static final Event STOP = Event.ok("audit", "stop", "-");

    /** The longest pause between attempts to write a batch while the database fails. */
    private static final long MAX_RETRY_MS = 2000;
    /** Attempts left for a batch once the log is closing; what is still unwritten stays in the journal. */
    private static final int ATTEMPTS_WHEN_CLOSING = 3;

    private final JdbcEventLog store;
    private final AuditJournal journal;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean closing;
    private final Thread writer;
    private final List<Consumer<List<LoggedEvent>>> followers = new CopyOnWriteArrayList<>();
    private final Object progress = new Object();
    private long queued;
    private long written;

    /** An audit log that keeps what it has not written in memory only: a crash or a stop in an outage loses it. */
    public AuditLog(JdbcEventLog store) {
        this(store, null);
    }

    /**
     * An audit log whose entries are journalled in {@code journalDir} before the action they record is answered,
     * and written to the database from there, retried until it takes them; what a previous run left
     * unwritten is written first.
     */
    public AuditLog(JdbcEventLog store, java.nio.file.Path journalDir) {
        this.store = store;
        this.journal = journalDir == null ? null : AuditJournal.open(journalDir);
        if (journal != null) {
            List<AuditJournal.Journalled> left = journal.unconfirmed();
            if (!left.isEmpty()) {
                log.info("writing {} audit entries a previous run left in the journal", left.size());
            }
            for (AuditJournal.Journalled j : left) {
                queued++;
                queue.add(new Pending(j.entry(), j.end()));
            }
        }
        this.writer = new Thread(this::drain, "audit-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void onEvent(HostEvent event) {
        event.auditEntry().ifPresent(entry -> enqueue(entry, !event.recordedOnDisk()));
    }

    /**
     * Journals {@code entry} and queues it for the database; with {@code force}, the journal is on disk before this
     * returns. Without it (the change it records is on disk already, in the registry's history) the line is written
     * but not flushed: it survives a killed host, and after a power loss the number's history still holds the change.
     */
    private void enqueue(Event entry, boolean force) {
        // Logged by the writer (logLines), never here: a log line on a request thread can block on the logger.
        if (journal == null) {
            queue(entry, -1);
            return;
        }
        boolean[] queuedIt = new boolean[1];
        try {
            // Queued in the journal's order, so a batch's end confirms no entry still waiting behind it.
            journal.append(entry, end -> {
                queue(entry, end);
                queuedIt[0] = true;
            }, force);
        } catch (java.io.UncheckedIOException e) {
            log.error("cannot journal the audit entry {} {} {}: {}; it waits for the database in memory only", entry.actor(), entry.action(),
                    entry.target(), e.getMessage());
            if (!queuedIt[0]) {
                queue(entry, -1);
            }
        }
    }

    private void queue(Event entry, long end) {
        synchronized (progress) {
            queued++;
            queue.add(new Pending(entry, end));
        }
    }

    /**
     * An entry waiting for the database.
     *
     * @param entry the entry
     * @param end   where it ends in the journal, or -1 when it is not journalled
     */
    private record Pending(Event entry, long end) {
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
        List<Pending> batch = new ArrayList<>(BATCH);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Only close() stops the writer, through STOP; keep draining.
                continue;
            }
            queue.drainTo(batch, BATCH - 1);
            stopping = batch.removeIf(p -> p.entry() == STOP);
            write(batch);
            batch.clear();
        }
    }

    /**
     * Writes {@code batch}, trying again with a growing pause while the database fails: an outage delays
     * entries, never drops them. Once closing, a batch gets a few more attempts; what is still unwritten then
     * stays in the journal for the next start.
     */
    private void write(List<Pending> batch) {
        logLines(batch.stream().map(Pending::entry).toList());
        List<LoggedEvent> stored = List.of();
        if (!batch.isEmpty()) {
            List<Event> entries = batch.stream().map(Pending::entry).toList();
            long pause = 100;
            for (int attempt = 1; ; attempt++) {
                try {
                    stored = store.append(entries);
                    if (journal != null) {
                        journal.confirmed(batch.stream().mapToLong(Pending::end).max().orElse(-1));
                    }
                    break;
                } catch (SQLException | RuntimeException e) {
                    if (closing && attempt >= ATTEMPTS_WHEN_CLOSING) {
                        log.error("cannot write {} audit events before stopping: {}; {}", batch.size(), e.getMessage(),
                                journal == null ? "they are lost" : "they stay in the journal for the next start");
                        break;
                    }
                    if (attempt == 1) {
                        log.warn("cannot write {} audit events, trying again until the database takes them: {}", batch.size(),
                                e.getMessage());
                    }
                    try {
                        Thread.sleep(pause);
                    } catch (InterruptedException interrupted) {
                        // Only close() stops the writer; keep trying.
                    }
                    pause = Math.min(MAX_RETRY_MS, pause * 2);
                }
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
        closing = true;
        queue.add(new Pending(STOP, -1));
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (journal != null && !writer.isAlive()) {
            journal.close();
        }
    }
}
