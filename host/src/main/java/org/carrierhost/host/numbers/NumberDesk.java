package org.carrierhost.host.numbers;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierOperation;
import org.carrierhost.host.events.HistoryEntry;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.events.NumberAction;
import org.carrierhost.host.events.NumberEvent;
import org.carrierhost.host.manager.AcquireRequest;
import org.carrierhost.host.manager.CarrierManager;
import org.carrierhost.host.manager.E164;
import org.carrierhost.host.manager.FoundNumber;
import org.carrierhost.host.manager.HoldGate;
import org.carrierhost.host.manager.NumberAging;
import org.carrierhost.host.manager.ImportReport;
import org.carrierhost.host.manager.ManagerSettings;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchResponse;
import org.carrierhost.host.manager.StockEntry;
import org.carrierhost.host.plugins.call.CarrierCall;
import org.carrierhost.host.plugins.call.CarrierCalls;
import org.carrierhost.host.plugins.call.CarrierLease;
import org.carrierhost.host.plugins.call.RoutedCall;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.registry.CarrierDataCodec;
import org.carrierhost.host.registry.Claim;
import org.carrierhost.host.registry.ClaimResult;
import org.carrierhost.host.registry.NumberRegistry;
import org.carrierhost.host.registry.NumberTransitions;
import org.carrierhost.host.registry.NumberTransitions.By;
import org.carrierhost.host.registry.NumberTransitions.Call;
import org.carrierhost.host.registry.NumberTransitions.Transition;

/**
 * The single interface over all enabled carriers: find, acquire, disconnect and check (KAZOO's
 * {@code knm_carriers}), plus the import of local stock. Searching is {@link NumberSearch}'s and importing
 * {@link StockImport}'s; the moves of one number (acquire, disconnect) are here.
 *
 * <p>Thread-safe: its only state is the offer cache (Caffeine); carriers are called through the one call
 * path, and the registry settles races in the database.
 */
public final class NumberDesk implements CarrierManager {

    /** The states an acquire orders a number from at its carrier. */
    private static final Set<NumberState> ACQUIRABLE = EnumSet.of(NumberState.DISCOVERY, NumberState.AVAILABLE,
            NumberState.RELEASED);
    /** The states of a number an account holds in use or reserved: a second acquire of it is {@code number_exists}. */
    private static final Set<NumberState> HELD = EnumSet.of(NumberState.IN_SERVICE, NumberState.RESERVED);
    /** The most numbers whose aging is over that one reaper round moves. */
    private static final int AGING_BATCH = 100;
    private static final String REAPER = "reaper";

    private final CarrierTable carriers;
    private final NumberRegistry registry;
    private final HostEvents events;
    private final ManagerSettings settings;
    private final CarrierCalls calls;
    private final OfferCache offers;
    private final NumberSearch search;
    private final StockImport stockImport;
    private final NumberAging aging;
    private volatile HoldGate holds = HoldGate.NONE;

    /** As {@link #NumberDesk(CarrierTable, CarrierCalls, NumberRegistry, HostEvents, ManagerSettings, NumberAging)}, without aging. */
    public NumberDesk(CarrierTable carriers, CarrierCalls calls, NumberRegistry registry, HostEvents events,
                      ManagerSettings settings) {
        this(carriers, calls, registry, events, settings, NumberAging.OFF);
    }

    /**
     * @param calls  the one path of calls into carriers
     * @param events where number events are raised
     * @param aging  whether and how long disconnected numbers wait in aging
     */
    public NumberDesk(CarrierTable carriers, CarrierCalls calls, NumberRegistry registry, HostEvents events,
                      ManagerSettings settings, NumberAging aging) {
        this.aging = aging;
        this.carriers = carriers;
        this.registry = registry;
        this.events = events;
        this.settings = settings;
        this.calls = calls;
        this.offers = new OfferCache(registry, settings.offerTtl(), settings.stateTtl());
        this.search = new NumberSearch(carriers, calls, offers, settings, numbers -> holds.holders(numbers));
        this.stockImport = new StockImport(carriers, registry, events, settings.maxImport());
    }

    @Override
    public void meterDroppedOffersWith(java.util.function.ObjIntConsumer<String> meter) {
        search.meterDroppedWith(meter);
    }

    /**
     * Asks every enabled carrier (or those named) in parallel under one deadline, and merges what they
     * offer: sorted by number, without duplicates (the first carrier in {@code carriers.order} wins),
     * without numbers already held, paged by offset and quantity.
     *
     * @throws StandardException {@code invalid} for a bad prefix, quantity, offset or country
     */
    @Override
    public SearchResponse find(SearchRequest request) {
        return search.find(request);
    }

    /**
     * Acquires {@code number} through the carrier that offered or owns it, and records it durably before
     * returning. Of several callers racing for one number exactly one wins; the others get 409.
     *
     * @throws StandardException {@code invalid}, {@code not_found}, {@code number_exists},
     *                           {@code invalid_state_transition}, or the carrier's failure
     */
    @Override
    public NumberRecord acquire(String rawNumber, AcquireRequest request, String actor) {
        return audited(NumberAction.ACQUIRE, rawNumber, actor, () -> acquireOnce(rawNumber, request, actor));
    }

    /** Which call on this thread is the outermost audited one, and whether its failure was audited already. */
    private static final ThreadLocal<boolean[]> FAILURE_AUDITED = new ThreadLocal<>();

    /**
     * Runs {@code action}, auditing its failure if nothing deeper did: a refusal before any claim (bad
     * input, a database that is down or slow, a number held) is a failed action too.
     */
    private NumberRecord audited(NumberAction action, String rawNumber, String actor, java.util.function.Supplier<NumberRecord> call) {
        boolean outermost = FAILURE_AUDITED.get() == null;
        if (outermost) {
            FAILURE_AUDITED.set(new boolean[1]);
        }
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (outermost && !FAILURE_AUDITED.get()[0]) {
                String carrier = e instanceof StandardException s ? s.error().carrier() : null;
                events.publish(NumberEvent.failed(actor, action, StandardError.bounded(String.valueOf(rawNumber), 40), carrier,
                        describe(e)));
            }
            throw e;
        } finally {
            if (outermost) {
                FAILURE_AUDITED.remove();
            }
        }
    }

    /** Notes that a failure was audited where it happened, so the outermost call does not audit it again. */
    private static void failureAudited() {
        boolean[] audited = FAILURE_AUDITED.get();
        if (audited != null) {
            audited[0] = true;
        }
    }

    private NumberRecord acquireOnce(String rawNumber, AcquireRequest request, String actor) {
        String number = E164.number(rawNumber, null);
        Optional<String> hold = holds.admit(number, request.accountId(), request.holdId());
        NumberRecord stored = acquireAdmitted(number, request, actor);
        if (hold.isPresent() && !request.dryRun()) {
            holds.consumed(hold.get(), number, actor);
        }
        return stored;
    }

    /**
     * Lets {@code gate} say which numbers are held, for whom: searches leave numbers held for other accounts out,
     * and an acquire of a held number needs its account (and consumes the hold). Set once, as the host starts.
     */
    @Override
    public void holdWith(HoldGate gate) {
        this.holds = Objects.requireNonNull(gate, "gate");
    }

    /**
     * The carrier and state of {@code number} as a hold needs them: stored and free to acquire, or offered by a
     * carrier now.
     *
     * @throws StandardException {@code number_exists} when an account has it, {@code not_found} when no carrier offers it
     */
    @Override
    public FoundNumber holdable(String rawNumber) {
        String number = E164.number(rawNumber, null);
        Optional<NumberRecord> stored = registry.find(number);
        if (stored.isPresent()) {
            NumberRecord current = stored.get();
            if (!ACQUIRABLE.contains(current.state())) {
                throw new StandardException(new StandardError(ErrorCode.NUMBER_EXISTS, "number " + number + " is already "
                        + current.state().wireName(), null, current.carrier()));
            }
            return new FoundNumber(number, current.carrier(), current.state(), current.data());
        }
        List<StandardError> errors = new java.util.ArrayList<>();
        return offers.offer(number).or(() -> search.offeredBy(number, null, errors)).orElseThrow(() -> notOffered(number, errors));
    }

    private NumberRecord acquireAdmitted(String number, AcquireRequest request, String actor) {
        NumberState target = request.target();
        if (target != NumberState.IN_SERVICE && target != NumberState.RESERVED) {
            throw StandardException.of(ErrorCode.INVALID, "state must be in_service or reserved", "got " + target.wireName());
        }
        Optional<NumberRecord> stored = registry.find(number);
        if (stored.isEmpty()) {
            return acquireOffered(number, request, actor);
        }
        NumberRecord current = stored.get();
        Transition move = check(current, target, By.ACQUIRE);
        if (move.call() == Call.NONE && !Objects.equals(current.accountId(), request.accountId())) {
            // Activating a reservation, or buying back an aging number, is for the account that held it.
            throw new StandardException(new StandardError(ErrorCode.NUMBER_EXISTS, "number " + number + " is "
                    + current.state().wireName() + " for another account", null, current.carrier()));
        }
        if (request.dryRun()) {
            return dryRun(current, request);
        }
        if (move.call() == Call.ACQUIRE && carriers.isLocal(current.carrier())) {
            return acquireLocal(current, request, actor);
        }
        Claim claim = claimed(registry.claim(number, EnumSet.of(current.state()), target), target);
        return move(claim, NumberAction.ACQUIRE, target, request.accountId(), actor, move.call() == Call.NONE ? null
                : carrier -> carrier.acquireNumber(claim.record().withAccountId(request.accountId())));
    }

    /**
     * Acquires a number the registry does not hold yet, through the carrier that offered it: the one this
     * host's searches remember, or else the one that offers it when asked now. It is stored, already
     * claimed, in the same statement that finds it absent, so racing callers still have one winner.
     */
    private NumberRecord acquireOffered(String number, AcquireRequest request, String actor) {
        List<StandardError> errors = new java.util.ArrayList<>();
        Optional<FoundNumber> found = offers.offer(number).filter(o -> request.carrier() == null || o.carrier().equals(request.carrier()))
                .or(() -> search.offeredBy(number, request.carrier(), errors));
        if (found.isEmpty()) {
            if (registry.find(number).isPresent()) {
                // Another caller (on this host or another) stored it meanwhile, so no carrier offers it now: 409, not 404.
                return acquireAdmitted(number, request, actor);
            }
            throw notOffered(number, errors);
        }
        FoundNumber offer = found.get();
        NumberRecord current = new NumberRecord(number, NumberState.DISCOVERY, offer.carrier(), null, offer.data());
        if (request.dryRun()) {
            return dryRun(current, request);
        }
        Claim claim = claimed(registry.claimOffered(offer.carrier(), new NumberOffer(number, offer.data()), ACQUIRABLE,
                request.target()), request.target());
        return move(claim, NumberAction.ACQUIRE, request.target(), request.accountId(), actor,
                carrier -> carrier.acquireNumber(claim.record().withAccountId(request.accountId())));
    }

    /**
     * Completes a claimed move: calls the carrier (unless {@code call} is null), then stores the new state
     * with the carrier's data and audits it. Any failure gives the claim up, leaving the number as it was, but
     * for the carrier data a failed call left behind ({@link CarrierException#data()}, such
     * as the id of an order whose outcome is unknown), which is kept on the record.
     */
    private NumberRecord move(Claim claim, NumberAction action, NumberState target, String accountId, String actor,
                              CarrierCall<NumberRecord> call) {
        NumberRecord current = claim.record();
        CarrierOperation operation = action == NumberAction.ACQUIRE ? CarrierOperation.ACQUIRE : CarrierOperation.DISCONNECT;
        AtomicReference<Map<String, Object>> leftBehind = new AtomicReference<>(Map.of());
        try {
            NumberRecord updated = call == null ? current : calls.call(current.carrier(), operation, settings.orderTimeout(),
                    RoutedCall.forAccount(action == NumberAction.ACQUIRE ? accountId : current.accountId(), carrier -> {
                        try {
                            return CarrierDataCodec.plainRecord(call.apply(carrier));
                        } catch (CarrierException e) {
                            leftBehind.set(CarrierDataCodec.plain(e.data()));
                            throw e;
                        }
                    }));
            NumberRecord stored = registry.complete(claim,
                    new NumberRecord(current.number(), target, current.carrier(), accountId, updated.data()), actor);
            offers.stored(stored.number(), stored.state());
            events.publish(NumberEvent.ok(actor, action, current.number(), stored.carrier(), target.wireName()));
            return stored;
        } catch (RuntimeException e) {
            try {
                registry.release(claim, leftBehind.get());
            } catch (RuntimeException notReleased) {
                // The database failed too: the claim ends with its lifetime or this host's next start.
                e.addSuppressed(notReleased);
            }
            events.publish(NumberEvent.failed(actor, action, current.number(), current.carrier(), describe(e)));
            failureAudited();
            throw e;
        }
    }

    /**
     * Acquires a number of a local carrier's stock with one commit: the local carrier (which keeps no state
     * of its own; the registry is its stock) is asked first, then the claim, the new state and its history
     * row are written in one transaction, whose conditions still let exactly one of racing callers win.
     */
    private NumberRecord acquireLocal(NumberRecord current, AcquireRequest request, String actor) {
        NumberState target = request.target();
        try {
            NumberRecord updated = calls.call(current.carrier(), CarrierOperation.ACQUIRE, settings.orderTimeout(),
                    RoutedCall.forAccount(request.accountId(),
                            carrier -> CarrierDataCodec.plainRecord(carrier.acquireNumber(current.withAccountId(request.accountId())))));
            ClaimResult moved = registry.moveAtOnce(new NumberRecord(current.number(), target, current.carrier(),
                    request.accountId(), updated.data()), EnumSet.of(current.state()), actor);
            NumberRecord stored = moved instanceof ClaimResult.Moved m ? m.stored() : claimed(moved, target).record();
            offers.stored(stored.number(), stored.state());
            events.publish(NumberEvent.ok(actor, NumberAction.ACQUIRE, current.number(), stored.carrier(), target.wireName()));
            return stored;
        } catch (RuntimeException e) {
            events.publish(NumberEvent.failed(actor, NumberAction.ACQUIRE, current.number(), current.carrier(), describe(e)));
            failureAudited();
            throw e;
        }
    }

    /** A dry run of a move {@link #check} allowed. */
    private NumberRecord dryRun(NumberRecord current, AcquireRequest request) {
        try (CarrierLease lease = carriers.lease(current.carrier())) {
            // Opening the lease proves the carrier is enabled and serving; it is not called.
            return new NumberRecord(current.number(), request.target(), lease.carrierId(), request.accountId(), current.data());
        }
    }

    /**
     * Releases {@code number} at its carrier: a local number goes back to {@code available} (its account
     * cleared, findable again); a remote one becomes {@code released}.
     */
    @Override
    public NumberRecord disconnect(String rawNumber, String actor) {
        return audited(NumberAction.DISCONNECT, rawNumber, actor, () -> disconnectOnce(rawNumber, actor));
    }

    private NumberRecord disconnectOnce(String rawNumber, String actor) {
        String number = E164.number(rawNumber, null);
        NumberRecord current = registry.find(number).orElseGet(() -> {
            // A number only offered is held by nobody: there is nothing to release.
            FoundNumber offer = offers.offer(number).orElseThrow(() -> notFound(number));
            throw refused(new NumberRecord(number, offer.state(), offer.carrier(), null, offer.data()), NumberState.RELEASED);
        });
        boolean local = carriers.isLocal(current.carrier());
        boolean ages = aging.appliesTo(current.carrier());
        NumberState target = NumberTransitions.disconnectTarget(local, ages);
        Transition move = check(current, target, By.DISCONNECT);
        Claim claim = claimed(registry.claim(number, EnumSet.of(current.state()), target), target);
        // An aging number stays its account's, so that account may buy it back.
        return move(claim, NumberAction.DISCONNECT, target, ages ? current.accountId() : null, actor,
                move.call() == Call.NONE ? null : carrier -> carrier.disconnectNumber(claim.record()));
    }

    /**
     * Puts a ported-in number in service ({@code port_in -> in_service}), for {@code accountId} (or the account it
     * was imported for, when null), with no carrier call: it was never ordered at one.
     */
    @Override
    public NumberRecord activate(String rawNumber, String accountId, String actor) {
        String number = E164.number(rawNumber, null);
        NumberRecord current = registry.find(number).orElseThrow(() -> notFound(number));
        check(current, NumberState.IN_SERVICE, By.ACTIVATE);
        NumberRecord updated = new NumberRecord(number, NumberState.IN_SERVICE, current.carrier(),
                accountId != null ? accountId : current.accountId(), current.data());
        ClaimResult moved = registry.moveAtOnce(updated, EnumSet.of(NumberState.PORT_IN), actor);
        NumberRecord stored = moved instanceof ClaimResult.Moved m ? m.stored() : claimed(moved, NumberState.IN_SERVICE).record();
        offers.stored(number, stored.state());
        events.publish(NumberEvent.ok(actor, NumberAction.ACTIVATE, number, stored.carrier(), stored.state().wireName()));
        return stored;
    }

    /**
     * Moves {@code number} to {@code target} by whichever request the table at {@code GET /api/states} names for
     * that move (acquire, disconnect or activate), so a caller may ask for any move by its states alone.
     *
     * @throws StandardException {@code 409 invalid_state_transition} for a move the table does not allow here,
     *                           or one only the reaper makes
     */
    @Override
    public NumberRecord moveTo(String rawNumber, NumberState target, String accountId, String actor) {
        NumberRecord current = get(rawNumber);
        boolean local = carriers.isLocal(current.carrier());
        Transition move = NumberTransitions.find(current.state(), target).orElseGet(() ->
                NumberTransitions.require(current, target, By.ACQUIRE, local, aging.appliesTo(current.carrier())));
        check(current, target, move.by());
        return switch (move.by()) {
            case ACQUIRE -> acquire(rawNumber, new AcquireRequest(accountId, false, target), actor);
            case DISCONNECT -> disconnect(rawNumber, actor);
            case ACTIVATE -> activate(rawNumber, accountId, actor);
            case REAPER -> throw new StandardException(new StandardError(ErrorCode.INVALID_STATE_TRANSITION,
                    "number " + current.number() + " leaves aging by itself", NumberTransitions.describe(current.state(), target)
                    + ": made by the reaper once numbers.aging_ms has passed", current.carrier()));
        };
    }

    /**
     * Ends the aging of numbers whose {@code numbers.aging_ms} is over, as the table says: back to the local stock
     * or released at the carrier, each through the carrier's disconnect. Runs on every host; the registry's claims
     * let exactly one host move each number. A number whose carrier call fails stays aging, for the next round.
     *
     * @return how many numbers were moved
     */
    @Override
    public int endAging() {
        if (!aging.on()) {
            return 0;
        }
        int moved = 0;
        for (NumberRecord current : registry.agingOver(aging.agingFor(), AGING_BATCH)) {
            boolean local = carriers.isLocal(current.carrier());
            if (carriers.view(current.carrier()).isEmpty()) {
                continue; // whether it goes back to a stock or to its carrier is known once its carrier loads
            }
            NumberState target = local ? NumberState.AVAILABLE : NumberState.RELEASED;
            NumberTransitions.require(current, target, By.REAPER, local, true);
            if (!(registry.claim(current.number(), EnumSet.of(NumberState.AGING), target) instanceof ClaimResult.Claimed claimed)) {
                continue; // another host took it
            }
            try {
                move(claimed.claim(), NumberAction.AGING_OVER, target, null, REAPER,
                        carrier -> carrier.disconnectNumber(claimed.claim().record()));
                moved++;
            } catch (RuntimeException e) {
                // Published as a failed event by move; tried again next round.
            }
        }
        return moved;
    }

    /**
     * The move of {@code current} to {@code target} by {@code by}, as the one table allows it; a second acquire of
     * a number already held is {@code number_exists}, as KAZOO answers it.
     */
    private Transition check(NumberRecord current, NumberState target, By by) {
        if (HELD.contains(current.state()) && HELD.contains(target) && !NumberTransitions.allowed(current.state(), target)) {
            throw refused(current, target);
        }
        boolean local = carriers.isLocal(current.carrier());
        return NumberTransitions.require(current, target, by, local, aging.appliesTo(current.carrier()));
    }

    /** Each number's state as the host knows it, or empty when it does not know the number. */
    @Override
    public Map<String, java.util.Optional<NumberState>> check(List<String> rawNumbers) {
        Map<String, String> normalised = new LinkedHashMap<>();
        for (String raw : rawNumbers) {
            normalised.put(raw, E164.number(raw, null));
        }
        Map<String, NumberState> states = registry.states(normalised.values());
        Map<String, java.util.Optional<NumberState>> answer = new LinkedHashMap<>();
        normalised.forEach((raw, number) -> answer.put(raw, java.util.Optional.ofNullable(states.get(number))
                .or(() -> offers.offer(number).map(FoundNumber::state))));
        return answer;
    }

    /** The stored record of {@code number}, or, for a number this host only offered, the offer as {@code discovery}. */
    @Override
    public NumberRecord get(String rawNumber) {
        String number = E164.number(rawNumber, null);
        return registry.find(number).or(() -> offers.offer(number).map(o ->
                new NumberRecord(number, NumberState.DISCOVERY, o.carrier(), null, o.data()))).orElseThrow(() -> notFound(number));
    }

    /** The moves of {@code number}, oldest first: who, when, from, to, through which carrier. */
    @Override
    public List<HistoryEntry> history(String rawNumber) {
        return registry.history(E164.number(rawNumber, null));
    }

    /**
     * Adds {@code rawNumbers} to local carrier {@code carrierId}'s stock as {@code available}, in one
     * transaction, and reports each number: added, already present (left as it is), or invalid (the others
     * are still added). Importing the same list again adds nothing. A disabled local carrier's stock may be
     * filled too: the stock is the registry's.
     *
     * @throws StandardException {@code not_found} for an unknown carrier, {@code invalid} for a carrier that
     *                           is not local or an empty list, {@code too_large} over {@code import.max_numbers},
     *                           {@code carrier_unavailable} for a carrier never loaded (whether it is local is
     *                           unknown); nothing is added then
     */
    @Override
    public ImportReport importNumbers(String carrierId, List<String> rawNumbers, String actor) {
        return importNumbers(carrierId, rawNumbers, NumberState.AVAILABLE, actor);
    }

    /**
     * As {@link #importNumbers(String, List, String)} in {@code state}: {@code available} for a local carrier's
     * stock, or {@code port_in} for numbers that came by porting to any carrier the host knows (KAZOO's
     * {@code port_in}); {@link #activate} puts those in service with no carrier call.
     */
    @Override
    public ImportReport importNumbers(String carrierId, List<String> rawNumbers, NumberState state, String actor) {
        return stockImport.importNumbers(carrierId, rawNumbers.stream().map(StockEntry::of).toList(), state, actor);
    }

    @Override
    public ImportReport importStock(String carrierId, List<StockEntry> entries, NumberState state, String actor) {
        return stockImport.importNumbers(carrierId, entries, state, actor);
    }

    private static Claim claimed(ClaimResult result, NumberState target) {
        if (result instanceof ClaimResult.Claimed claimed) {
            return claimed.claim();
        }
        if (result instanceof ClaimResult.Missing missing) {
            throw notFound(missing.number());
        }
        if (result instanceof ClaimResult.Busy busy) {
            throw new StandardException(new StandardError(ErrorCode.NUMBER_EXISTS,
                    "number " + busy.current().number() + " is being changed by another request", null, busy.current().carrier()));
        }
        throw refused(((ClaimResult.WrongState) result).current(), target);
    }

    private static StandardException refused(NumberRecord current, NumberState target) {
        if (HELD.contains(current.state()) && HELD.contains(target)) {
            return new StandardException(new StandardError(ErrorCode.NUMBER_EXISTS,
                    "number " + current.number() + " is already " + current.state().wireName(), null, current.carrier()));
        }
        return new StandardException(new StandardError(ErrorCode.INVALID_STATE_TRANSITION,
                "number " + current.number() + " cannot move from " + current.state().wireName() + " to " + target.wireName(),
                NumberTransitions.describe(current.state(), target), current.carrier()));
    }

    private static StandardException notOffered(String number, List<StandardError> errors) {
        String asked = errors.isEmpty() ? "no serving carrier offers it"
                : "no carrier offers it; " + errors.stream().map(e -> e.carrier() + ": " + e.message()).collect(java.util.stream.Collectors.joining("; "));
        return StandardException.of(ErrorCode.NOT_FOUND, "number " + number + " not found", asked);
    }

    private static StandardException notFound(String number) {
        return StandardException.of(ErrorCode.NOT_FOUND, "number " + number + " not found",
                "search for it first, or import it into the local stock");
    }

    static String describe(RuntimeException e) {
        return e instanceof StandardException s ? s.error().code().wireName() + ": " + s.getMessage() : e.toString();
    }

    /** Ends the offer cache's state readers; the call path's threads are shared and daemon. */
    @Override
    public void close() {
        offers.close();
    }
}
