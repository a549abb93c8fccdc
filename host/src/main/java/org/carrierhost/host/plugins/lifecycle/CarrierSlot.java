package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.call.CallKey;
import org.carrierhost.host.plugins.call.CallObserver;
import org.carrierhost.host.plugins.call.CallTarget;
import org.carrierhost.host.plugins.call.CarrierGuard;
import org.carrierhost.host.plugins.call.CarrierLease;
import org.carrierhost.host.plugins.call.CarrierStats;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.trust.TrustVerdict;

/**
 * Everything the host holds for one carrier id: its state, the generation serving now, its file, its
 * latest failure and its figures. Only {@link CarrierLifecycle} writes it, under {@link #lock()}.
 *
 * <p>Thread-safe: readers see volatile fields; the serving generation is swapped atomically under the
 * slot's monitor; writers hold the lifecycle lock.
 */
final class CarrierSlot implements CallTarget {

    private final String id;
    private final CarrierStats stats = new CarrierStats();
    private final CarrierGuard guard;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile CarrierState state = CarrierState.NEW;
    private volatile Generation live;
    private volatile Path file;
    private volatile CarrierSource source = CarrierSource.DIRECTORY;
    private volatile PluginFailure failure;
    private volatile PluginFacts facts;
    private volatile TrustVerdict signature;
    private volatile String plugin;
    private volatile CanaryRoute canary;

    CarrierSlot(String id, CarrierGuard guard) {
        this.id = id;
        this.guard = guard;
    }

    String id() {
        return id;
    }

    @Override
    public CarrierGuard guard() {
        return guard;
    }

    @Override
    public CarrierStats stats() {
        return stats;
    }

    /** Held by the lifecycle while it changes this carrier. */
    ReentrantLock lock() {
        return lock;
    }

    CarrierState state() {
        return state;
    }

    void state(CarrierState value) {
        state = value;
    }

    Generation live() {
        return live;
    }

    /** Makes {@code next} serve (null: nothing serves) and returns the generation it replaced. */
    synchronized Generation swap(Generation next) {
        Generation previous = live;
        live = next;
        if (next != null) {
            facts = PluginFacts.of(next);
        }
        return previous;
    }

    Path file() {
        return file;
    }

    CarrierSource source() {
        return source;
    }

    /** Records {@code zip} (or none) as its file, come from {@code from}. */
    void file(Path zip, CarrierSource from) {
        file = zip;
        source = from;
    }

    /** The plugin this carrier is an instance of, or null when it is a plugin's own carrier. */
    String plugin() {
        return plugin;
    }

    /** Makes it an instance of plugin {@code value}. */
    void plugin(String value) {
        plugin = value;
    }

    /** The canary rollout's route beside what serves, or null when none runs. */
    CanaryRoute canary() {
        return canary;
    }

    void canary(CanaryRoute value) {
        canary = value;
    }

    /** The trust policy's verdict on the zip last judged for it, or null when none was. */
    TrustVerdict signature() {
        return signature;
    }

    void signature(TrustVerdict value) {
        signature = value;
    }

    PluginFailure failure() {
        return failure;
    }

    void failure(PluginFailure value) {
        failure = value;
    }

    /** Whether it is local, as its last loaded version said; false when it never loaded. */
    boolean local() {
        PluginFacts known = facts;
        return known != null && known.local();
    }

    /** The state it rests in while nothing serves it, by its latest failure. */
    CarrierState resting() {
        PluginFailure why = failure;
        if (why == null) {
            return CarrierState.UNLOADED;
        }
        return why.kind() == PluginFailure.Kind.QUARANTINED ? CarrierState.QUARANTINED : CarrierState.FAILED;
    }

    /** Whether a generation of this carrier has served since the host started. */
    boolean everServed() {
        return facts != null;
    }

    @Override
    public CarrierLease lease() {
        return leaseServing(CallObserver.NONE);
    }

    /** A lease on the canary for a call it takes, else on the serving version, each counted in its rollout window. */
    @Override
    public CarrierLease lease(CallKey key) {
        CanaryRoute route = canary;
        if (route == null) {
            return leaseServing(CallObserver.NONE);
        }
        // Only beside a version that serves: a carrier stopped meanwhile has its canary rolled back at the next window.
        if (state == CarrierState.STARTED && live != null && route.takes(key) && route.canary().enter()) {
            return new CarrierLease(route.canary(), route.canaryWindow());
        }
        return leaseServing(route.stableWindow());
    }

    private CarrierLease leaseServing(CallObserver observer) {
        while (true) {
            CarrierState now = state;
            if (now == CarrierState.DISABLED) {
                throw unavailable("carrier " + id + " is disabled", null);
            }
            if (now == CarrierState.PROBING) {
                PluginFailure why = failure;
                throw unavailable("carrier " + id + " is not routed: its self-test has not passed", why == null ? null : why.describe());
            }
            Generation current = live;
            if (current == null) {
                PluginFailure why = failure;
                throw unavailable("carrier " + id + " is not loaded", why == null ? null : why.describe());
            }
            if (current.enter()) {
                return new CarrierLease(current, observer);
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

    /** It as the API shows it, with {@code shadowed}: the other zips of its id that do not serve. */
    CarrierView view(List<ShadowedZip> shadowed) {
        Generation current = live;
        return new CarrierView(id, facts, state, file, failure, stats.snapshot(),
                current == null ? 0 : current.callsInFlight(), guard.view(), source,
                current == null ? null : current.archive().sha256(), false, shadowed, null, signature,
                current == null ? null : current.process().orElse(null));
    }
}
