package org.carrierhost.host.plugins;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;

/**
 * Everything the host holds for one carrier id: the generation serving now, whether it is enabled, its
 * file, its latest failure and its figures.
 *
 * <p>Thread-safe: readers see volatile fields; the serving generation is swapped atomically under the
 * slot's monitor; lifecycle operations on the slot are serialised by {@link #lifecycleLock()}.
 */
final class CarrierSlot {

    private final String id;
    private final CarrierStats stats = new CarrierStats();
    private final CarrierGuard guard;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile PluginGeneration live;
    private volatile boolean enabled = true;
    private volatile Path file;
    private volatile CarrierSource source = CarrierSource.DIRECTORY;
    private volatile PluginFailure failure;
    private volatile PluginFacts facts;

    CarrierSlot(String id, CarrierGuard guard) {
        this.id = id;
        this.guard = guard;
    }

    String id() {
        return id;
    }

    /** Its circuit breaker and bulkhead, kept across versions. */
    CarrierGuard guard() {
        return guard;
    }

    /** Its call figures, kept across versions. */
    CarrierStats stats() {
        return stats;
    }

    /** Held by whoever loads, swaps, enables, disables or unloads this carrier. */
    ReentrantLock lifecycleLock() {
        return lifecycle;
    }

    PluginGeneration live() {
        return live;
    }

    /** Makes {@code next} serve (null: nothing serves) and returns the generation it replaced. */
    synchronized PluginGeneration swap(PluginGeneration next) {
        PluginGeneration previous = live;
        live = next;
        if (next != null) {
            facts = PluginFacts.of(next);
        }
        return previous;
    }

    boolean enabled() {
        return enabled;
    }

    void enabled(boolean value) {
        enabled = value;
    }

    Path file() {
        return file;
    }

    void file(Path value) {
        file = value;
    }

    CarrierSource source() {
        return source;
    }

    void source(CarrierSource value) {
        source = value;
    }

    PluginFailure failure() {
        return failure;
    }

    void failure(PluginFailure value) {
        failure = value;
    }

    /** Whether a generation of this carrier has served since the host started. */
    boolean everServed() {
        return facts != null;
    }

    /** Opens a lease on the serving generation, or says why the carrier cannot be called. */
    CarrierLease lease() {
        while (true) {
            if (!enabled) {
                throw unavailable("carrier " + id + " is disabled", null);
            }
            PluginGeneration current = live;
            if (current == null) {
                PluginFailure why = failure;
                throw unavailable("carrier " + id + " is not loaded", why == null ? null : why.describe());
            }
            if (current.enter()) {
                return new CarrierLease(current);
            }
            if (live == current) {
                throw unavailable("carrier " + id + " is stopping", null);
            }
            // A swap retired it between the read and the enter: take the new generation.
        }
    }

    private StandardException unavailable(String message, String cause) {
        return new StandardException(new StandardError(ErrorCode.CARRIER_UNAVAILABLE, message, cause, id));
    }

    CarrierView view() {
        PluginGeneration current = live;
        String state;
        if (!enabled) {
            state = "DISABLED";
        } else if (current != null) {
            state = current.state();
        } else if (failure != null) {
            state = failure.kind() == PluginFailure.Kind.QUARANTINED ? "QUARANTINED" : "FAILED";
        } else {
            state = "UNLOADED";
        }
        return new CarrierView(id, facts, state, enabled, file, failure, stats.snapshot(),
                current == null ? 0 : current.callsInFlight(), guard.view(), source,
                current == null ? null : current.archive().sha256());
    }
}
