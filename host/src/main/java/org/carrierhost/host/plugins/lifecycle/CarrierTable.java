package org.carrierhost.host.plugins.lifecycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.plugins.call.BreakerSettings;
import org.carrierhost.host.plugins.call.BreakerView;
import org.carrierhost.host.plugins.call.CallPort;
import org.carrierhost.host.plugins.call.CallTarget;
import org.carrierhost.host.plugins.call.CarrierGuard;
import org.carrierhost.host.plugins.call.CarrierLease;
import org.carrierhost.host.plugins.call.CarrierStats;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.source.ZipLedger;
import org.carrierhost.host.plugins.source.ZipRecord;

/**
 * The carriers the host knows, by id, and the zips that never loaded: what the carrier manager calls
 * through (it is the call path's {@link CallPort}), and what {@link CarrierLifecycle} alone changes.
 *
 * <p>Thread-safe: a concurrent map of thread-safe slots, and a thread-safe ledger of files.
 */
public final class CarrierTable implements CallPort {

    /** How a zip that never loaded shows its breaker: closed, never called. */
    private static final BreakerView NO_CALLS = new CarrierGuard("none", BreakerSettings.DEFAULTS, e -> { }).view();

    private final ConcurrentMap<String, CarrierSlot> slots = new ConcurrentHashMap<>();
    private final Function<String, CarrierGuard> guards;
    private final ZipLedger files = new ZipLedger();

    /** A table whose carriers all have the default breaker and bulkhead, and whose circuit changes go nowhere. */
    public CarrierTable() {
        this(id -> BreakerSettings.DEFAULTS, new HostEvents());
    }

    /**
     * @param breakers each carrier's breaker and bulkhead settings, by id
     * @param events   where its circuit changes are raised
     */
    public CarrierTable(Function<String, BreakerSettings> breakers, HostEvents events) {
        this.guards = id -> new CarrierGuard(id, breakers.apply(id), events::publish);
    }

    /**
     * A lease on carrier {@code id}'s serving version; close it when the call is done.
     *
     * @throws StandardException {@code not_found} for an unknown carrier, {@code carrier_unavailable} for
     *                           one that is disabled, failed or unloaded
     */
    public CarrierLease lease(String id) {
        return target(id).orElseThrow(() -> new StandardException(new StandardError(ErrorCode.NOT_FOUND,
                "unknown carrier " + id, null, id))).lease();
    }

    @Override
    public Optional<CallTarget> target(String id) {
        return listed(id).map(CallTarget.class::cast);
    }

    /** The ids of carriers that serve, sorted. */
    public List<String> servingIds() {
        return snapshot().serving();
    }

    /** Whether {@code id} is a carrier the host lists. */
    public boolean knows(String id) {
        return listed(id).isPresent();
    }

    /** Whether carrier {@code id} is local, as its last loaded version said; false when it never loaded. */
    public boolean isLocal(String id) {
        return listed(id).map(CarrierSlot::local).orElse(false);
    }

    /** The carriers as they stand now, read once: what one search round works from. */
    public CarrierRoster snapshot() {
        List<String> serving = new ArrayList<>();
        Set<String> known = new HashSet<>();
        Set<String> local = new HashSet<>();
        Map<String, List<String>> notConfigured = new HashMap<>();
        Map<String, org.carrierhost.api.CarrierCapabilities> capabilities = new HashMap<>();
        for (CarrierSlot slot : slots.values()) {
            CarrierState state = slot.state();
            if (!CarrierState.LISTED.contains(state)) {
                continue;
            }
            known.add(slot.id());
            Generation live = slot.live();
            if (state.serving() && live != null) {
                serving.add(slot.id());
                capabilities.put(slot.id(), live.capabilities());
                if (!live.missingSettings().isEmpty()) {
                    notConfigured.put(slot.id(), live.missingSettings());
                }
            }
            if (slot.local()) {
                local.add(slot.id());
            }
        }
        serving.sort(null);
        return new CarrierRoster(serving, known, local, notConfigured, capabilities);
    }

    /** Every carrier, and every zip that never loaded, sorted by id (a file name for those). */
    public List<CarrierView> views() {
        List<CarrierView> views = new ArrayList<>();
        slots.values().stream().filter(s -> CarrierState.LISTED.contains(s.state())).map(this::viewOf).forEach(views::add);
        files.neverLoaded().stream().map(CarrierTable::view).forEach(views::add);
        views.sort(Comparator.comparing(CarrierView::id));
        return views;
    }

    /** One carrier, or a zip that never loaded by its file name. */
    public Optional<CarrierView> view(String id) {
        Optional<CarrierView> carrier = listed(id).map(this::viewOf);
        return carrier.isPresent() ? carrier : files.neverLoaded(id).map(CarrierTable::view);
    }

    private static CarrierView view(ZipRecord zip) {
        return new CarrierView(zip.name(), null, CarrierState.FAILED, zip.file(), zip.failure(), new CarrierStats().snapshot(),
                0, NO_CALLS, CarrierSource.DIRECTORY, null, true, List.of(), null, null, null);
    }

    /** {@code slot} as the API shows it, with the zips of its id that are shadowed. */
    CarrierView viewOf(CarrierSlot slot) {
        return slot.view(files.shadowedOf(slot.id()).stream().map(r -> new ShadowedZip(r.file(), r.version())).toList());
    }

    private Optional<CarrierSlot> listed(String id) {
        return Optional.ofNullable(id == null ? null : slots.get(id)).filter(s -> CarrierState.LISTED.contains(s.state()));
    }

    /** The zip files and what became of each. */
    ZipLedger files() {
        return files;
    }

    /** Carrier {@code id}'s slot, made (in state {@code NEW}) when there is none. */
    CarrierSlot slot(String id) {
        return slots.computeIfAbsent(id, key -> new CarrierSlot(key, guards.apply(key)));
    }

    Optional<CarrierSlot> existing(String id) {
        return Optional.ofNullable(id == null ? null : slots.get(id));
    }

    List<CarrierSlot> all() {
        return List.copyOf(slots.values());
    }

    /** Drops {@code slot}, once it is {@code GONE}; a slot made again for its id meanwhile stays. */
    void remove(CarrierSlot slot) {
        slots.remove(slot.id(), slot);
    }
}
