package org.carrierhost.host.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.carrierhost.host.store.DatabaseFailure;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.plugins.lifecycle.CarrierView;

/**
 * Whether the host can serve: the registry answers a real query within a time bound, every enabled
 * carrier is started with its circuit closed, and no more than {@value #LEAKED_THREADS} threads were added
 * since start (a leak that ends in running out of memory or threads), and no unloaded carrier's threads burn CPU
 * ({@link LeftoverThreads}). A carrier that is not configured (it lacks
 * a required setting it declares) is left out, unless {@code carrier.<id>.mandatory=true}. Each reason it cannot
 * is named.
 *
 * <p>Thread-safe: at most one registry query runs at a time, on a thread of its own; a probe that finds
 * one still running waits for that one instead of starting another (or answers the fault found last at
 * once), so a hung database never piles up threads. The probe's state is guarded by this object.
 */
final class Readiness implements AutoCloseable {

    private static final String QUERY = "SELECT COUNT(*) FROM numbers WHERE number = ?";

    private final CarrierTable carriers;
    private final DataSource registry;
    private final Duration timeout;
    private final Predicate<String> mandatory;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "readiness-probe");
        t.setDaemon(true);
        return t;
    });
    private Future<?> running;
    private long runningSince;
    /** What the last probe found wrong, or null when it found the registry well (or none ran yet). */
    private String lastFault;
    /** The threads alive when the host became able to serve, and how many more mean a leak. */
    private final int threadsAtStart = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
    static final int LEAKED_THREADS = 1000;
    private long lastFaultAt;
    /** How long a fault found stands before a probe asks the database again. */
    private static final long FAULT_HELD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LeftoverThreads leftovers;

    Readiness(CarrierTable carriers, DataSource registry, Duration timeout, Predicate<String> mandatory, LeftoverThreads leftovers) {
        this.carriers = carriers;
        this.leftovers = leftovers;
        this.registry = registry;
        this.timeout = timeout;
        this.mandatory = mandatory;
    }

    /** Why the host is not ready; empty when it is. */
    List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        registryFault().ifPresent(reasons::add);
        int threads = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
        if (threads - threadsAtStart > LEAKED_THREADS) {
            reasons.add(threads + " threads are alive, " + (threads - threadsAtStart) + " more than at start: threads leak"
                    + " (a carrier's unload event names those it left running)");
        }
        reasons.addAll(leftovers.burning());
        for (CarrierView view : carriers.views()) {
            if (!view.enabled()) {
                continue;
            }
            if (view.state() == CarrierState.STARTED && view.facts() != null && view.facts().notConfigured()) {
                if (mandatory.test(view.id())) {
                    reasons.add("carrier " + view.id() + " is not configured: missing " + view.facts().missing().stream()
                            .map(k -> "carrier." + view.id() + "." + k).collect(Collectors.joining(", ")));
                }
            } else if (view.state() != CarrierState.STARTED) {
                reasons.add("carrier " + view.id() + " is " + view.state().wireName()
                        + (view.error() == null ? "" : ": " + view.error().describe()));
            } else if (view.breaker() != null && !"closed".equals(view.breaker().state())) {
                reasons.add("carrier " + view.id() + " circuit is " + view.breaker().state());
            }
        }
        return reasons;
    }

    /**
     * What is wrong with the registry, if anything. While the last probe found a fault, that answer stands
     * for {@link #FAULT_HELD_NANOS} and for as long as the next probe runs, so probes of a slow database
     * answer at once and hold no thread; otherwise a probe waits only what is left of the running query's time
     * bound.
     */
    private java.util.Optional<String> registryFault() {
        Future<?> probe;
        long since;
        synchronized (this) {
            boolean idle = running == null || running.isDone();
            if (lastFault != null && (!idle || System.nanoTime() - lastFaultAt < FAULT_HELD_NANOS)) {
                return java.util.Optional.of(lastFault);
            }
            if (idle) {
                running = prober.submit(this::query);
                runningSince = System.nanoTime();
            }
            probe = running;
            since = runningSince;
        }
        long left = timeout.toNanos() - (System.nanoTime() - since);
        java.util.Optional<String> fault;
        try {
            probe.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            fault = java.util.Optional.empty();
        } catch (TimeoutException e) {
            fault = java.util.Optional.of("registry database is slow: a query has not answered for "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since) + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql && DatabaseFailure.isDiskFull(sql)) {
                fault = java.util.Optional.of("registry disk is full or failing: " + sql.getMessage());
            } else if (e.getCause() instanceof SQLException sql && DatabaseFailure.isSlow(sql)) {
                fault = java.util.Optional.of("registry database is slow: " + sql.getMessage());
            } else {
                fault = java.util.Optional.of("registry database is unreachable: " + e.getCause().getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("registry probe interrupted");
        }
        synchronized (this) {
            lastFault = fault.orElse(null);
            lastFaultAt = System.nanoTime();
        }
        return fault;
    }

    private Void query() throws Exception {
        try (Connection connection = registry.getConnection();
             PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            statement.setString(1, "+0");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
            }
        }
        return null;
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
