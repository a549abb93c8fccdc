package org.carrierhost.host.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A database being opened on a thread of its own (the pool's first connection, the schema's migrations), so that a
 * start does the rest of its work meanwhile (reading the trust keyring): with H2 on a fresh data directory the opening and the migrations are
 * about a third of start to ready (BENCHMARKS.md, issue 28). Whoever {@link #await awaits} it owns the database;
 * {@link #close} of one never awaited waits for the opening to end and closes what it opened, so a start that failed
 * before it needed the database leaves no pool, file lock or thread behind.
 *
 * <p>Thread-safe: the opening is a future; {@link #await} and {@link #close} are synchronized.
 */
public final class OpeningDatabase implements AutoCloseable {

    private final CompletableFuture<Database> opening;
    /** How long the opening took, in ms, once it ended; -1 before. */
    private final java.util.concurrent.atomic.AtomicLong tookMillis;
    private boolean handedOver;

    private OpeningDatabase(CompletableFuture<Database> opening, java.util.concurrent.atomic.AtomicLong tookMillis) {
        this.opening = opening;
        this.tookMillis = tookMillis;
    }

    /** Starts {@code open} on a daemon thread named {@code database-open}. */
    public static OpeningDatabase begin(Supplier<Database> open) {
        CompletableFuture<Database> opening = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicLong took = new java.util.concurrent.atomic.AtomicLong(-1);
        Thread thread = new Thread(() -> {
            long began = System.nanoTime();
            try {
                Database database = open.get();
                took.set((System.nanoTime() - began) / 1_000_000);
                opening.complete(database);
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "database-open");
        thread.setDaemon(true);
        thread.start();
        return new OpeningDatabase(opening, took);
    }

    /**
     * The database once open; the caller owns it from then on.
     *
     * @throws RuntimeException what the opening threw, as it threw it
     */
    public synchronized Database await() {
        try {
            Database database = opening.get();
            handedOver = true;
            return database;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the database opened", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** How long the opening took on its own thread (the pool's first connection and the migrations), once it ended. */
    public java.time.Duration took() {
        return java.time.Duration.ofMillis(Math.max(0, tookMillis.get()));
    }

    /** Closes the database if it opened and nobody awaited it (waiting for the opening to end first). */
    @Override
    public synchronized void close() {
        if (handedOver) {
            return;
        }
        handedOver = true;
        try {
            opening.join().close();
        } catch (RuntimeException e) {
            // It did not open: nothing to close, and the start's own failure is what is reported.
        }
    }
}
