package org.carrierhost.host.holds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberReservation;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierOperation;
import org.carrierhost.host.events.HoldAction;
import org.carrierhost.host.events.HoldEvent;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.manager.CarrierManager;
import org.carrierhost.host.manager.E164;
import org.carrierhost.host.manager.FoundNumber;
import org.carrierhost.host.manager.HoldGate;
import org.carrierhost.host.plugins.call.CarrierCalls;

/**
 * Holds that expire: made, read, extended and released through the API, consumed by an acquire of their account,
 * and ended by the reaper of whichever host leases them first once they expire. A number is held at its carrier
 * where the carrier can ({@code CarrierExtension.reservesNumbers}), else soft, within our hosts only. Every carrier
 * call (a reservation, a release) goes through the one call path; a release is tried {@value #RELEASE_ATTEMPTS}
 * times, and a carrier that no longer knows the reservation ({@code not_found}) counts as released.
 *
 * <p>Thread-safe: holds only thread-safe parts; races, within a host or between hosts, are settled by the store.
 */
public final class Holds implements HoldGate {

    /** The most numbers one hold may list. */
    public static final int MAX_NUMBERS = 100;
    private static final int RELEASE_ATTEMPTS = 3;
    private static final long RELEASE_BACKOFF_MS = 200;
    private static final int REAP_BATCH = 20;
    private static final String REAPER = "reaper";

    private final HoldStore store;
    private final HoldLeases leases;
    private final CarrierManager manager;
    private final CarrierCalls calls;
    private final HostEvents events;
    private final HoldSettings settings;
    private final HolderCache searched;

    public Holds(HoldStore store, HoldLeases leases, CarrierManager manager, CarrierCalls calls, HostEvents events, HoldSettings settings) {
        this.store = store;
        this.leases = leases;
        this.manager = manager;
        this.calls = calls;
        this.events = events;
        this.settings = settings;
        this.searched = new HolderCache(settings.searchTrust());
    }

    /**
     * Holds {@code rawNumbers} for {@code accountId} for {@code ttlSeconds} (cut to {@code numbers.hold_max_ttl_s}),
     * each at its carrier where the carrier can hold it, for no longer than the carrier's own expiry less the margin.
     * Either every number is held or none: a carrier's refusal lets the others go again.
     *
     * @throws StandardException {@code invalid} for a bad list, account or TTL; {@code number_exists} naming the hold
     *                           or state that has a number; {@code not_found} for a number nobody offers; or a
     *                           carrier's failure
     */
    public Hold create(List<String> rawNumbers, String accountId, long ttlSeconds, String actor) {
        if (accountId == null || accountId.isBlank()) {
            throw StandardException.of(ErrorCode.INVALID, "account_id is required", "a hold is for one account");
        }
        if (rawNumbers == null || rawNumbers.isEmpty() || rawNumbers.size() > MAX_NUMBERS) {
            throw StandardException.of(ErrorCode.INVALID, "numbers must list 1 to " + MAX_NUMBERS + " numbers",
                    "got " + (rawNumbers == null ? 0 : rawNumbers.size()));
        }
        Duration ttl = ttl(ttlSeconds);
        Map<String, String> carriers = new LinkedHashMap<>();
        for (String number : new LinkedHashSet<>(rawNumbers.stream().map(n -> E164.number(n, null)).toList())) {
            FoundNumber found = manager.holdable(number);
            carriers.put(found.number(), found.carrier());
        }
        Hold hold = store.insert(accountId, carriers, ttl, actor);
        searched.forget();
        List<NumberReservation> made = new ArrayList<>();
        try {
            for (HeldNumber held : hold.numbers()) {
                Optional<NumberReservation> reservation = calls.call(held.carrier(), CarrierOperation.RESERVE, settings.callTimeout(),
                        carrier -> carrier.reservesNumbers() ? Optional.of(carrier.reserveNumber(held.number(), ttl, accountId))
                                : Optional.<NumberReservation>empty());
                if (reservation.isPresent()) {
                    NumberReservation r = reservation.get();
                    made.add(r);
                    Instant byCarrier = r.expiresAt().minus(settings.margin());
                    Instant end = byCarrier.isBefore(held.expiresAt()) ? byCarrier : held.expiresAt();
                    store.settle(hold.id(), held.number(), r.reference(), r.expiresAt(), end);
                }
            }
        } catch (RuntimeException e) {
            for (NumberReservation r : made) {
                releaseAtCarrier(hold.numbers().stream().filter(n -> n.number().equals(r.number())).findFirst().orElseThrow().carrier(), r);
            }
            store.delete(hold.id());
            events.publish(HoldEvent.failed(actor, HoldAction.CREATED, hold.id(), first(hold), describe(e)));
            throw e;
        }
        Hold stored = get(hold.id());
        events.publish(HoldEvent.ok(actor, HoldAction.CREATED, stored.id(), first(stored), describe(stored)));
        return stored;
    }

    /** The newest holds (at most 200): only active ones when {@code activeOnly}, only {@code accountId}'s when not null. */
    public List<Hold> list(String accountId, boolean activeOnly) {
        return store.list(accountId, activeOnly, 200);
    }

    /** Hold {@code id}. */
    public Hold get(String id) {
        return store.find(id).orElseThrow(() -> StandardException.of(ErrorCode.NOT_FOUND, "hold " + id + " not found",
                "holds are listed in the audit log as hold-created"));
    }

    /**
     * Moves the end of active hold {@code id} to {@code ttlSeconds} from now (cut to {@code numbers.hold_max_ttl_s});
     * a carrier-held number's never past the carrier's own expiry less the margin. Where that expiry comes first, the
     * carrier is asked to extend its reservation ({@code CarrierExtension.extendReservation}) through the one call
     * path; a carrier that cannot, or fails to, leaves the number's end at its current expiry less the margin.
     *
     * @throws StandardException {@code not_found}, or {@code invalid_state_transition} for a hold that ended or is ending
     */
    public Hold extend(String id, long ttlSeconds, String actor) {
        Hold hold = get(id);
        Duration ttl = ttl(ttlSeconds);
        if (hold.state() != HoldState.ACTIVE) {
            throw ended(hold);
        }
        Instant wanted = Instant.now().plus(ttl);
        List<String> notExtended = new ArrayList<>();
        for (HeldNumber n : hold.numbers()) {
            if (!n.done() && n.kind() == HoldKind.CARRIER && n.carrierExpiresAt().minus(settings.margin()).isBefore(wanted)) {
                extendAtCarrier(hold.id(), n).ifPresent(notExtended::add);
            }
        }
        if (!store.extend(id, ttl, settings.margin())) {
            throw ended(get(id));
        }
        Hold stored = get(id);
        events.publish(HoldEvent.ok(actor, HoldAction.EXTENDED, id, first(hold), "until " + stored.expiresAt()
                + (notExtended.isEmpty() ? "" : "; not extended at the carrier: " + String.join(", ", notExtended))));
        return stored;
    }

    /** Asks the number's carrier to extend its reservation and records the new expiry; what failed, if anything. */
    private Optional<String> extendAtCarrier(String holdId, HeldNumber n) {
        NumberReservation held = new NumberReservation(n.number(), n.reference(), n.carrierExpiresAt());
        try {
            NumberReservation extended = calls.call(n.carrier(), CarrierOperation.RESERVE, settings.callTimeout(),
                    carrier -> carrier.extendReservation(held));
            if (extended.expiresAt().isAfter(held.expiresAt())) {
                store.settle(holdId, n.number(), held.reference(), extended.expiresAt(), n.expiresAt());
            }
            return Optional.empty();
        } catch (StandardException e) {
            return Optional.of(n.number() + " (" + describe(e) + ")");
        }
    }

    /**
     * Releases active hold {@code id} now: each carrier-held number at its carrier, then the hold ends as released.
     *
     * @throws StandardException {@code not_found}; {@code invalid_state_transition} for a hold that ended or that a
     *                           reaper is ending; or the carrier's failure, the hold left as it was
     */
    public Hold release(String id, String actor) {
        Hold hold = get(id);
        HoldLeases.Lease lease = leases.leaseOne(id, settings.lease()).orElseThrow(() -> ended(get(id)));
        if (!end(lease, hold, HoldState.RELEASED)) {
            throw StandardException.of(ErrorCode.CARRIER_UNAVAILABLE, "hold " + id + " could not be released at its carrier now",
                    "it ends by itself at " + hold.expiresAt() + "; the reaper releases it then");
        }
        events.publish(HoldEvent.ok(actor, HoldAction.RELEASED, id, first(hold), describe(hold)));
        return get(id);
    }

    /**
     * One reaper round: leases the holds whose end has passed by the database's clock, releases their
     * carrier-held numbers and ends them as expired. A hold whose release failed keeps its lease until it lapses,
     * then this or another host tries again.
     *
     * @return how many holds this round ended
     */
    public int reap() {
        int ended = 0;
        for (HoldLeases.Lease lease : leases.leaseDue(REAP_BATCH, settings.lease())) {
            Optional<Hold> hold = store.find(lease.holdId());
            if (hold.isPresent() && end(lease, hold.get(), HoldState.EXPIRED)) {
                events.publish(HoldEvent.ok(REAPER, HoldAction.EXPIRED, hold.get().id(), first(hold.get()), describe(hold.get())));
                ended++;
            }
        }
        return ended;
    }

    /** Releases each of the leased hold's numbers not yet done, then ends it; false when a release or the lease failed. */
    private boolean end(HoldLeases.Lease lease, Hold hold, HoldState end) {
        for (HeldNumber n : hold.numbers()) {
            if (n.done()) {
                continue;
            }
            if (n.kind() == HoldKind.CARRIER && !releaseAtCarrier(n.carrier(), new NumberReservation(n.number(), n.reference(),
                    n.carrierExpiresAt()))) {
                return false;
            }
            if (!leases.markDone(lease, n.number())) {
                return false; // the lease lapsed, and another host took the hold over
            }
        }
        return leases.finish(lease, end);
    }

    /** Lets a reservation go at its carrier, tried a few times; {@code not_found} is released. */
    private boolean releaseAtCarrier(String carrierId, NumberReservation reservation) {
        for (int attempt = 1; attempt <= RELEASE_ATTEMPTS; attempt++) {
            try {
                calls.call(carrierId, CarrierOperation.RELEASE, settings.callTimeout(), carrier -> {
                    carrier.releaseReservation(reservation);
                    return Boolean.TRUE;
                });
                return true;
            } catch (StandardException e) {
                if (e.error().code() == ErrorCode.NOT_FOUND) {
                    return true;
                }
                if (attempt < RELEASE_ATTEMPTS) {
                    pause(RELEASE_BACKOFF_MS * attempt);
                }
            }
        }
        return false;
    }

    @Override
    public Optional<String> admit(String number, String accountId, String holdId) {
        Optional<HoldStore.Holder> holder = store.holderOf(number);
        if (holder.isEmpty()) {
            if (holdId != null) {
                throw new StandardException(new StandardError(ErrorCode.NUMBER_EXISTS, "hold " + holdId + " does not hold " + number,
                        "it ended, or never held it; acquire without hold_id", null));
            }
            return Optional.empty();
        }
        HoldStore.Holder h = holder.get();
        if (!Objects.equals(h.accountId(), accountId) || (holdId != null && !holdId.equals(h.holdId()))) {
            throw new StandardException(new StandardError(ErrorCode.NUMBER_EXISTS, "number " + number + " is held by " + h.holdId(),
                    "hold " + h.holdId() + " is for another account" + (holdId == null ? "" : ", not hold " + holdId), null));
        }
        return Optional.of(h.holdId());
    }

    @Override
    public void consumed(String holdId, String number, String actor) {
        boolean ended = store.consume(holdId, number);
        events.publish(HoldEvent.ok(actor, HoldAction.CONSUMED, holdId, null, number + (ended ? "; the hold ended" : "")));
    }

    @Override
    public Map<String, String> holders(Collection<String> numbers) {
        Map<String, String> accounts = new LinkedHashMap<>();
        searched.holders(numbers, unknown -> {
            Map<String, String> read = new LinkedHashMap<>();
            store.holders(unknown).forEach((number, holder) -> read.put(number, holder.accountId()));
            return read;
        }).forEach(accounts::put);
        return accounts;
    }

    private Duration ttl(long ttlSeconds) {
        if (ttlSeconds < 1) {
            throw StandardException.of(ErrorCode.INVALID, "ttl_s must be at least 1", "got " + ttlSeconds);
        }
        Duration asked = Duration.ofSeconds(ttlSeconds);
        return asked.compareTo(settings.maxTtl()) > 0 ? settings.maxTtl() : asked;
    }

    private static StandardException ended(Hold hold) {
        return new StandardException(new StandardError(ErrorCode.INVALID_STATE_TRANSITION, "hold " + hold.id() + " is "
                + (hold.state() == HoldState.ACTIVE ? "being ended by a reaper" : hold.state().wireName()),
                hold.state().wireName(), null));
    }

    private static String first(Hold hold) {
        return hold.numbers().isEmpty() ? null : hold.numbers().get(0).carrier();
    }

    private static String describe(Hold hold) {
        return "account " + hold.accountId() + ", " + hold.numbers().stream().map(n -> n.number() + " (" + n.kind().wireName() + ")")
                .collect(Collectors.joining(", ")) + ", until " + hold.expiresAt();
    }

    private static String describe(RuntimeException e) {
        return e instanceof StandardException s ? s.error().code().wireName() + ": " + s.getMessage() : e.toString();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
