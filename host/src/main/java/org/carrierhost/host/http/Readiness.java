package org.carrierhost.host.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.plugins.lifecycle.CarrierView;

/**
 * Whether the host can serve: the registry answers a real query within a time bound, and every enabled
 * carrier is started with its circuit closed. A carrier that is not configured (it lacks a required setting it
 * declares) is left out, unless {@code carrier.<id>.mandatory=true}. Each reason it cannot is named.
 *
 * <p>Thread-safe: at most one registry query runs at a time, on a thread of its own; a probe that finds
 * one still running waits for that one instead of starting another, so a hung database never piles up
 * threads.
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

    Readiness(CarrierTable carriers, DataSource registry, Duration timeout, Predicate<String> mandatory) {
        this.carriers = carriers;
        this.registry = registry;
        this.timeout = timeout;
        this.mandatory = mandatory;
    }

    /** Why the host is not ready; empty when it is. */
    List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        registryFault().ifPresent(reasons::add);
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

    private java.util.Optional<String> registryFault() {
        Future<?> probe;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = prober.submit(this::query);
            }
            probe = running;
        }
        try {
            probe.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return java.util.Optional.empty();
        } catch (TimeoutException e) {
            return java.util.Optional.of("registry database did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return java.util.Optional.of("registry database unreachable: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("registry probe interrupted");
        }
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
