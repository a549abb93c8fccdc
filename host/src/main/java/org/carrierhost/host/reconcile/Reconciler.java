package org.carrierhost.host.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.InventoryPage;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.registry.CarrierDataCodec;
import org.carrierhost.host.config.InvalidSettingException;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierOperation;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.events.ReconcileEvent;
import org.carrierhost.host.plugins.call.CarrierCalls;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.registry.NumberRegistry;

/**
 * Reconciles a carrier: pages through what it says the account holds ({@code CarrierExtension.inventory}) and
 * compares it with the registry, reporting what only the carrier has (and bills for), what only we have, and what
 * both have in states that disagree. Nothing is repaired by itself: each row offers a repair through the API
 * (release at the carrier, adopt into the registry, mark checked), audited. A carrier with
 * {@code carrier.<id>.reconcile_every_ms} is reconciled that often, by one host of the cluster at a time.
 *
 * <p>Thread-safe: holds only thread-safe parts; the store settles races between hosts.
 */
public final class Reconciler {

    /** The carrier's own key asking for a scheduled reconciliation, in milliseconds. */
    public static final String EVERY_KEY = "reconcile_every_ms";
    private static final int PAGE_SIZE = 500;
    private static final int MAX_PAGES = 2000;
    private static final int KEPT = 20;
    private static final String SCHEDULER = "scheduler";
    /** The states in which the registry says an account holds the number at its carrier. */
    private static final Set<NumberState> HELD_HERE = EnumSet.of(NumberState.IN_SERVICE, NumberState.RESERVED, NumberState.AGING);

    private final ReconcileStore store;
    private final NumberRegistry registry;
    private final CarrierTable carriers;
    private final CarrierCalls calls;
    private final HostEvents events;
    private final Duration callTimeout;
    private final Function<String, CarrierConfig> sections;

    public Reconciler(javax.sql.DataSource dataSource, NumberRegistry registry, CarrierTable carriers, CarrierCalls calls,
                      HostEvents events, Duration callTimeout, Function<String, CarrierConfig> sections) {
        this.store = new ReconcileStore(dataSource);
        this.registry = registry;
        this.carriers = carriers;
        this.calls = calls;
        this.events = events;
        this.callTimeout = callTimeout;
        this.sections = sections;
    }

    /**
     * Reconciles carrier {@code carrierId} now, keeps the report and answers it.
     *
     * @throws StandardException {@code not_found} for an unknown carrier, {@code invalid} for one that cannot list
     *                           its numbers, or the carrier's failure (nothing is kept then)
     */
    public Reconciliation run(String carrierId, String actor) {
        if (carriers.view(carrierId).isEmpty()) {
            throw new StandardException(new StandardError(ErrorCode.NOT_FOUND, "unknown carrier " + carrierId, null, carrierId));
        }
        Map<String, NumberState> atCarrier;
        try {
            atCarrier = inventory(carrierId);
        } catch (RuntimeException e) {
            events.publish(new ReconcileEvent(Instant.now(), actor, ReconcileEvent.RUN, carrierId, null, null, describe(e)));
            throw e;
        }
        Map<String, NumberRecord> here = new TreeMap<>();
        registry.ofCarrier(carrierId, HELD_HERE).forEach(r -> here.put(r.number(), r));
        Map<String, NumberState> known = registry.states(atCarrier.keySet());
        Set<String> checked = new TreeSet<>(atCarrier.keySet());
        checked.addAll(here.keySet());
        List<DriftRow> rows = new ArrayList<>();
        for (String number : checked) {
            NumberState ours = here.containsKey(number) ? here.get(number).state() : known.get(number);
            boolean listed = atCarrier.containsKey(number);
            NumberState theirs = atCarrier.get(number);
            Drift drift = !listed ? Drift.ONLY_HERE
                    : ours == null || !HELD_HERE.contains(ours) && ours != NumberState.PORT_IN ? Drift.ONLY_AT_CARRIER
                    : agree(ours, theirs) ? null : Drift.STATE_DIFFERS;
            if (drift != null) {
                rows.add(new DriftRow(number, drift, ours, theirs, null, null, null));
            }
        }
        Reconciliation report = store.insert(carrierId, actor, checked.size(), rows);
        Map<String, Integer> drift = new LinkedHashMap<>();
        for (Drift kind : Drift.values()) {
            drift.put(kind.wireName(), report.of(kind).size());
        }
        events.publish(new ReconcileEvent(Instant.now(), actor, ReconcileEvent.RUN, carrierId, "report " + report.id() + ": "
                + report.checked() + " checked, " + drift, drift, null));
        return report;
    }

    /** Whether a number held here in {@code ours} and listed by the carrier in {@code theirs} agree. */
    private static boolean agree(NumberState ours, NumberState theirs) {
        if (ours == NumberState.PORT_IN) {
            return false; // in service at the carrier, still porting here
        }
        // A reserved or aging number is still the account's at the carrier, which lists it in service.
        return theirs == null || theirs == ours || theirs == NumberState.IN_SERVICE;
    }

    private Map<String, NumberState> inventory(String carrierId) {
        Map<String, NumberState> numbers = new TreeMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            int p = page;
            InventoryPage got = calls.call(carrierId, CarrierOperation.INVENTORY, callTimeout, carrier -> {
                if (!carrier.listsInventory()) {
                    throw new org.carrierhost.api.CarrierException(ErrorCode.INVALID, "carrier " + carrierId + " cannot list its numbers",
                            "it does not implement inventory(); nothing to reconcile against");
                }
                return carrier.inventory(p, PAGE_SIZE);
            });
            got.numbers().forEach(e -> numbers.put(e.number(), e.state()));
            if (!got.more() || got.numbers().isEmpty()) {
                return numbers;
            }
        }
        throw StandardException.of(ErrorCode.CARRIER_FAULT, "carrier " + carrierId + " listed more than " + MAX_PAGES + " pages",
                "reconciliation stopped at " + numbers.size() + " numbers");
    }

    /** The newest reports of {@code carrierId}, at most {@value #KEPT}. */
    public List<Reconciliation> list(String carrierId) {
        return store.list(carrierId, KEPT);
    }

    /**
     * Repairs row {@code number} of report {@code reportId} of {@code carrierId} by {@code repair}, and audits it.
     *
     * @throws StandardException {@code not_found} for an unknown report or row; {@code invalid} for a repair that does
     *                           not fit the row; {@code invalid_state_transition} for a row already repaired; or the
     *                           carrier's failure, the row left open
     */
    public DriftRow repair(String carrierId, long reportId, String number, Repair repair, String accountId, String actor) {
        Reconciliation report = store.find(carrierId, reportId).orElseThrow(() -> StandardException.of(ErrorCode.NOT_FOUND,
                "reconciliation " + reportId + " of " + carrierId + " not found", "they are listed at GET /api/carriers/" + carrierId + "/reconcile"));
        DriftRow row = report.rows().stream().filter(r -> r.number().equals(number)).findFirst().orElseThrow(() ->
                StandardException.of(ErrorCode.NOT_FOUND, "reconciliation " + reportId + " has no row " + number, null));
        if (row.resolution() != null) {
            throw StandardException.of(ErrorCode.INVALID_STATE_TRANSITION, "row " + number + " was repaired already",
                    row.resolution().wireName() + " by " + row.resolvedBy());
        }
        try {
            switch (repair) {
                case RELEASE_AT_CARRIER -> releaseAtCarrier(carrierId, row, actor);
                case ADOPT -> adopt(carrierId, row, accountId, actor);
                case MARK_CHECKED -> { }
            }
            if (!store.resolve(reportId, number, repair, actor)) {
                throw StandardException.of(ErrorCode.INVALID_STATE_TRANSITION, "row " + number + " was repaired meanwhile", null);
            }
        } catch (RuntimeException e) {
            events.publish(new ReconcileEvent(Instant.now(), actor, ReconcileEvent.REPAIR, carrierId, number + " " + repair.wireName(),
                    null, describe(e)));
            throw e;
        }
        events.publish(new ReconcileEvent(Instant.now(), actor, ReconcileEvent.REPAIR, carrierId, "report " + reportId + ", " + number
                + " (" + row.kind().wireName() + "): " + repair.wireName(), null, null));
        return store.find(carrierId, reportId).orElseThrow().rows().stream().filter(r -> r.number().equals(number)).findFirst().orElseThrow();
    }

    /** Disconnects the number at the carrier through the one call path; the registry, if it has it, marks it released. */
    private void releaseAtCarrier(String carrierId, DriftRow row, String actor) {
        if (row.kind() == Drift.ONLY_HERE) {
            throw StandardException.of(ErrorCode.INVALID, "the carrier does not list " + row.number(), "adopt it (released here) or mark it checked");
        }
        NumberRecord record = registry.find(row.number()).orElse(new NumberRecord(row.number(), NumberState.IN_SERVICE, carrierId, null, Map.of()));
        NumberRecord released = calls.call(carrierId, CarrierOperation.DISCONNECT, callTimeout, carrier -> CarrierDataCodec.plainRecord(carrier.disconnectNumber(record)));
        if (registry.find(row.number()).isPresent() || row.kind() != Drift.ONLY_AT_CARRIER) {
            registry.adopt(new NumberRecord(row.number(), NumberState.RELEASED, carrierId, null, released.data()), actor);
        }
    }

    /** Makes the registry agree with the carrier. */
    private void adopt(String carrierId, DriftRow row, String accountId, String actor) {
        Optional<NumberRecord> current = registry.find(row.number());
        Map<String, Object> data = current.map(NumberRecord::data).orElse(Map.of());
        NumberState target = row.kind() == Drift.ONLY_HERE ? NumberState.RELEASED
                : row.atCarrier() == null ? NumberState.IN_SERVICE : row.atCarrier();
        String account = target == NumberState.RELEASED ? null : accountId != null ? accountId : current.map(NumberRecord::accountId).orElse(null);
        registry.adopt(new NumberRecord(row.number(), target, carrierId, account, data), actor);
    }

    /**
     * One round of the scheduler, on every host's reaper: each carrier whose {@code reconcile_every_ms} is set and due
     * is reconciled by the one host that takes the run.
     */
    public void runScheduled() {
        for (String carrierId : carriers.servingIds()) {
            every(carrierId, sections.apply(carrierId)).filter(every -> store.takeDueRun(carrierId, every)).ifPresent(every -> {
                try {
                    run(carrierId, SCHEDULER);
                } catch (StandardException e) {
                    // Audited as a failed run; tried again when next due.
                }
            });
        }
    }

    /**
     * Carrier {@code id}'s {@code reconcile_every_ms}, when set.
     *
     * @throws InvalidSettingException naming the key when it is not a whole number of milliseconds of at least 1000
     */
    public static Optional<Duration> every(String id, CarrierConfig config) {
        Optional<String> text = config.get(EVERY_KEY);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long ms = Long.parseLong(text.get().strip());
            if (ms >= 1000) {
                return Optional.of(Duration.ofMillis(ms));
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidSettingException("carrier." + id + "." + EVERY_KEY, "must be a whole number of milliseconds, at least 1000, got '"
                + text.get() + "'");
    }

    private static String describe(RuntimeException e) {
        return e instanceof StandardException s ? s.error().code().wireName() + ": " + s.getMessage() : e.toString();
    }
}
