package org.carrierhost.host.plugins;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.HostEvents;

/**
 * The carriers the host knows, by id: what the carrier manager calls through, and what the lifecycle
 * changes.
 *
 * <p>Thread-safe: a concurrent map of thread-safe slots.
 */
public final class CarrierTable {

    private final ConcurrentMap<String, CarrierSlot> slots = new ConcurrentHashMap<>();
    private final Function<String, CarrierGuard> guards;

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
        CarrierSlot slot = slots.get(id);
        if (slot == null) {
            throw new StandardException(new StandardError(ErrorCode.NOT_FOUND, "unknown carrier " + id, null, id));
        }
        return slot.lease();
    }

    /** The ids of carriers that are enabled and serving, sorted. */
    public List<String> servingIds() {
        return slots.values().stream().filter(s -> s.enabled() && s.live() != null).map(CarrierSlot::id).sorted().toList();
    }

    /** Whether {@code id} is known at all. */
    public boolean knows(String id) {
        return slots.containsKey(id);
    }

    /** Whether carrier {@code id} is local, as its last loaded version said; false when it never loaded. */
    public boolean isLocal(String id) {
        return view(id).map(v -> v.facts() != null && v.facts().local()).orElse(false);
    }

    /** Every carrier, sorted by id. */
    public List<CarrierView> views() {
        return slots.values().stream().map(CarrierSlot::view).sorted(Comparator.comparing(CarrierView::id)).toList();
    }

    /** One carrier. */
    public Optional<CarrierView> view(String id) {
        return Optional.ofNullable(slots.get(id)).map(CarrierSlot::view);
    }

    CarrierSlot slot(String id) {
        return slots.computeIfAbsent(id, key -> new CarrierSlot(key, guards.apply(key)));
    }

    Optional<CarrierSlot> existing(String id) {
        return Optional.ofNullable(slots.get(id));
    }

    List<CarrierSlot> all() {
        return List.copyOf(slots.values());
    }

    void remove(String id) {
        slots.remove(id);
    }
}
