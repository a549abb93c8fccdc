package org.carrierhost.host.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.Event;
import org.carrierhost.host.events.EventLog;
import org.carrierhost.host.plugins.CarrierLease;
import org.carrierhost.host.plugins.CarrierTable;
import org.carrierhost.host.plugins.CarrierView;
import org.carrierhost.host.registry.Claim;
import org.carrierhost.host.registry.ClaimResult;
import org.carrierhost.host.registry.HistoryEntry;
import org.carrierhost.host.registry.NumberRegistry;
import org.carrierhost.host.registry.NumberTransitions;

/**
 * The single interface over all enabled carriers: find, acquire, disconnect and check (KAZOO's
 * {@code knm_carriers}), plus the import of local stock.
 *
 * <p>Thread-safe: holds no mutable state of its own; carriers are called through leases, and the
 * registry settles races in the database.
 */
public final class CarrierManager implements AutoCloseable {

    /** The most numbers one search returns. */
    public static final int MAX_QUANTITY = 500;
    /** The deepest page a search over several carriers may ask for: each must be asked for offset + quantity. */
    public static final int MAX_MERGED_WINDOW = 10_000;

    private static final Set<NumberState> ACQUIRABLE = EnumSet.of(NumberState.DISCOVERY, NumberState.AVAILABLE,
            NumberState.RELEASED);
    private static final Set<NumberState> HELD = EnumSet.of(NumberState.IN_SERVICE, NumberState.RESERVED);

    private final CarrierTable carriers;
    private final NumberRegistry registry;
    private final EventLog events;
    private final ManagerSettings settings;
    private final CarrierInvoker invoker;

    public CarrierManager(CarrierTable carriers, NumberRegistry registry, EventLog events, ManagerSettings settings) {
        this.carriers = carriers;
        this.registry = registry;
        this.events = events;
        this.settings = settings;
        this.invoker = new CarrierInvoker(carriers);
    }

    /**
     * Asks every enabled carrier (or those named) in parallel under one deadline, and merges what they
     * offer: sorted by number, without duplicates (the first carrier in {@code carriers.order} wins),
     * without numbers already held, paged by offset and quantity.
     *
     * @throws StandardException {@code invalid} for a bad prefix, quantity, offset or country
     */
    public SearchResponse find(SearchRequest request) {
        String region = E164.region(request.country());
        String prefix = E164.prefix(request.prefix(), region);
        if (request.quantity() < 1 || request.quantity() > MAX_QUANTITY) {
            throw StandardException.of(ErrorCode.INVALID, "quantity must be from 1 to " + MAX_QUANTITY,
                    "got " + request.quantity());
        }
        if (request.offset() < 0) {
            throw StandardException.of(ErrorCode.INVALID, "offset must not be negative", "got " + request.offset());
        }
        if (request.blockSize() < 0 || request.blockSize() > MAX_QUANTITY) {
            throw StandardException.of(ErrorCode.INVALID, "blocks must be from 1 to " + MAX_QUANTITY, "got " + request.blockSize());
        }
        List<StandardError> errors = new ArrayList<>();
        List<String> targets = targets(request.carriers(), errors);
        boolean merged = targets.size() > 1;
        if (merged && (long) request.offset() + request.quantity() > MAX_MERGED_WINDOW) {
            throw StandardException.of(ErrorCode.INVALID, "offset too deep for a search over several carriers",
                    "offset + quantity must be at most " + MAX_MERGED_WINDOW + "; name one carrier to page deeper");
        }
        // Over several carriers each must give its first offset + quantity, so the merged page is exact.
        int ask = merged ? request.offset() + request.quantity() : request.quantity();
        SearchOptions options = new SearchOptions(merged ? 0 : request.offset(), region, E164.dialcode(region),
                request.accountId(), null, request.blockSize(), request.tollFree());

        List<CallOutcome<List<NumberOffer>>> outcomes = invoker.callAll(targets, settings.searchTimeout(),
                carrier -> carrier.findNumbers(prefix, ask, options).toOffers());

        Map<String, FoundNumber> found = new LinkedHashMap<>();
        Map<String, Boolean> local = new LinkedHashMap<>();
        for (CallOutcome<List<NumberOffer>> outcome : byPriority(outcomes)) {
            if (outcome instanceof CallOutcome.Failed<List<NumberOffer>> failed) {
                errors.add(failed.error());
                continue;
            }
            List<NumberOffer> offers = ((CallOutcome.Answered<List<NumberOffer>>) outcome).value();
            String carrier = outcome.carrierId();
            boolean isLocal = isLocal(carrier);
            local.put(carrier, isLocal);
            int stray = 0;
            for (NumberOffer offer : offers) {
                if (!offer.number().startsWith(prefix) || !offer.number().matches("\\+[1-9][0-9]{1,14}")) {
                    stray++;
                    continue;
                }
                found.putIfAbsent(offer.number(), new FoundNumber(offer.number(), carrier,
                        isLocal ? NumberState.AVAILABLE : NumberState.DISCOVERY,
                        org.carrierhost.host.registry.CarrierDataCodec.plain(offer.data())));
            }
            if (stray > 0) {
                errors.add(new StandardError(ErrorCode.CARRIER_FAULT, "carrier " + carrier + " offered numbers outside the search",
                        stray + " of its numbers were not E.164 numbers under " + prefix + " and were left out", carrier));
            }
        }
        List<FoundNumber> numbers = page(withoutHeld(found), merged ? request.offset() : 0, request.quantity());
        remember(numbers, local);
        return new SearchResponse(numbers, errors);
    }

    private List<String> targets(List<String> named, List<StandardError> errors) {
        if (named.isEmpty()) {
            return carriers.servingIds();
        }
        List<String> targets = new ArrayList<>();
        for (String id : named.stream().distinct().toList()) {
            if (carriers.knows(id)) {
                targets.add(id);
            } else {
                errors.add(new StandardError(ErrorCode.NOT_FOUND, "unknown carrier " + id, null, id));
            }
        }
        return targets;
    }

    private <T> List<CallOutcome<T>> byPriority(List<CallOutcome<T>> outcomes) {
        List<String> order = settings.carriersOrder();
        return outcomes.stream().sorted(Comparator.comparingInt((CallOutcome<T> o) -> {
            int index = order.indexOf(o.carrierId());
            return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(CallOutcome::carrierId)).toList();
    }

    private boolean isLocal(String carrierId) {
        return carriers.view(carrierId).map(v -> v.facts() != null && v.facts().local()).orElse(false);
    }

    private List<FoundNumber> withoutHeld(Map<String, FoundNumber> found) {
        Map<String, NumberState> known = registry.states(found.keySet());
        return found.values().stream().filter(n -> !HELD.contains(known.get(n.number())))
                .sorted(Comparator.comparing(FoundNumber::number)).toList();
    }

    private static List<FoundNumber> page(List<FoundNumber> numbers, int offset, int quantity) {
        if (offset >= numbers.size()) {
            return List.of();
        }
        return numbers.subList(offset, Math.min(numbers.size(), offset + quantity));
    }

    /** Stores remote offers as discovery, so a later acquire goes to the carrier that offered them. */
    private void remember(List<FoundNumber> numbers, Map<String, Boolean> local) {
        Map<String, List<NumberOffer>> byCarrier = new LinkedHashMap<>();
        for (FoundNumber n : numbers) {
            if (!local.getOrDefault(n.carrier(), false)) {
                byCarrier.computeIfAbsent(n.carrier(), c -> new ArrayList<>()).add(new NumberOffer(n.number(), n.data()));
            }
        }
        byCarrier.forEach(registry::recordDiscovered);
    }

    /**
     * Acquires {@code number} through the carrier that offered or owns it, and records it durably before
     * returning. Of several callers racing for one number exactly one wins; the others get 409.
     *
     * @throws StandardException {@code invalid}, {@code not_found}, {@code number_exists},
     *                           {@code invalid_state_transition}, or the carrier's failure
     */
    public NumberRecord acquire(String rawNumber, AcquireRequest request, String actor) {
        String number = E164.number(rawNumber, null);
        NumberState target = request.target();
        if (target != NumberState.IN_SERVICE && target != NumberState.RESERVED) {
            throw StandardException.of(ErrorCode.INVALID, "state must be in_service or reserved", "got " + target.wireName());
        }
        NumberRecord current = registry.find(number).orElseThrow(() -> notFound(number));
        boolean activation = current.state() == NumberState.RESERVED && target == NumberState.IN_SERVICE;
        if (activation && !Objects.equals(current.accountId(), request.accountId())) {
            throw new StandardException(new StandardError(ErrorCode.NUMBER_EXISTS, "number " + number + " is reserved by another account",
                    null, current.carrier()));
        }
        if (request.dryRun()) {
            return dryRun(current, request, activation);
        }
        Claim claim = claimed(registry.claim(number, activation ? EnumSet.of(NumberState.RESERVED) : ACQUIRABLE, target), target);
        return move(claim, "acquire", target, request.accountId(), actor, activation ? null
                : carrier -> carrier.acquireNumber(claim.record().withAccountId(request.accountId())));
    }

    /**
     * Completes a claimed move: calls the carrier (unless {@code call} is null), then stores the new state
     * with the carrier's data and audits it. Any failure gives the claim up, leaving the number as it was.
     */
    private NumberRecord move(Claim claim, String action, NumberState target, String accountId, String actor,
                              org.carrierhost.host.plugins.CarrierCall<NumberRecord> call) {
        NumberRecord current = claim.record();
        try {
            NumberRecord updated = call == null ? current : invoker.call(current.carrier(), settings.orderTimeout(), call);
            NumberRecord stored = registry.complete(claim,
                    new NumberRecord(current.number(), target, current.carrier(), accountId, updated.data()), actor);
            events.record(Event.ok(actor, action, current.number() + " via " + stored.carrier() + " -> " + target.wireName()));
            return stored;
        } catch (RuntimeException e) {
            registry.release(claim);
            events.record(Event.failed(actor, action, current.number(), describe(e)));
            throw e;
        }
    }

    private NumberRecord dryRun(NumberRecord current, AcquireRequest request, boolean activation) {
        if (!activation && !ACQUIRABLE.contains(current.state())) {
            throw refused(current, request.target());
        }
        try (CarrierLease lease = carriers.lease(current.carrier())) {
            // Opening the lease proves the carrier is enabled and serving; it is not called.
            return new NumberRecord(current.number(), request.target(), lease.carrierId(), request.accountId(), current.data());
        }
    }

    /**
     * Releases {@code number} at its carrier: a local number goes back to {@code available} (its account
     * cleared, findable again); a remote one becomes {@code released}.
     */
    public NumberRecord disconnect(String rawNumber, String actor) {
        String number = E164.number(rawNumber, null);
        NumberRecord current = registry.find(number).orElseThrow(() -> notFound(number));
        boolean local = isLocal(current.carrier());
        NumberState target = local ? NumberState.AVAILABLE : NumberState.RELEASED;
        Claim claim = claimed(registry.claim(number, HELD, target), target);
        return move(claim, "disconnect", target, null, actor, carrier -> carrier.disconnectNumber(claim.record()));
    }

    /** Each number's state as the host knows it, or empty when it does not know the number. */
    public Map<String, java.util.Optional<NumberState>> check(List<String> rawNumbers) {
        Map<String, String> normalised = new LinkedHashMap<>();
        for (String raw : rawNumbers) {
            normalised.put(raw, E164.number(raw, null));
        }
        Map<String, NumberState> states = registry.states(normalised.values());
        Map<String, java.util.Optional<NumberState>> answer = new LinkedHashMap<>();
        normalised.forEach((raw, number) -> answer.put(raw, java.util.Optional.ofNullable(states.get(number))));
        return answer;
    }

    /** The stored record of {@code number}. */
    public NumberRecord get(String rawNumber) {
        String number = E164.number(rawNumber, null);
        return registry.find(number).orElseThrow(() -> notFound(number));
    }

    /** The moves of {@code number}, oldest first: who, when, from, to, through which carrier. */
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
    public ImportReport importNumbers(String carrierId, List<String> rawNumbers, String actor) {
        requireLocal(carrierId);
        if (rawNumbers.isEmpty()) {
            throw StandardException.of(ErrorCode.INVALID, "numbers must not be empty", "list the numbers to import");
        }
        if (rawNumbers.size() > settings.maxImport()) {
            throw StandardException.of(ErrorCode.TOO_LARGE, "too many numbers in one import",
                    rawNumbers.size() + " listed, over import.max_numbers of " + settings.maxImport());
        }
        List<ImportResult> parsed = new ArrayList<>(rawNumbers.size());
        Set<String> distinct = new LinkedHashSet<>();
        for (String raw : rawNumbers) {
            try {
                String number = E164.number(raw, null);
                // A number listed twice: the first occurrence decides, later ones are reported present.
                parsed.add(distinct.add(number) ? new ImportResult.Added(raw, number)
                        : new ImportResult.Present(raw, number, NumberState.AVAILABLE));
            } catch (StandardException e) {
                parsed.add(new ImportResult.Invalid(raw, e.getMessage()));
            }
        }
        Map<String, NumberState> present;
        try {
            present = distinct.isEmpty() ? Map.of() : registry.addAvailable(carrierId, distinct, actor);
        } catch (RuntimeException e) {
            events.record(Event.failed(actor, "import", carrierId, describe(e)));
            throw e;
        }
        List<ImportResult> results = parsed.stream().map(r -> r instanceof ImportResult.Added added
                && present.containsKey(added.number())
                ? new ImportResult.Present(added.input(), added.number(), present.get(added.number())) : r).toList();
        ImportReport report = new ImportReport(carrierId, results);
        events.record(Event.ok(actor, "import", carrierId + ": " + report.added() + " added, " + report.present()
                + " present, " + report.invalid() + " invalid"));
        return report;
    }

    private void requireLocal(String carrierId) {
        CarrierView view = carriers.view(carrierId).orElseThrow(() -> new StandardException(
                new StandardError(ErrorCode.NOT_FOUND, "unknown carrier " + carrierId, null, carrierId)));
        if (view.facts() == null) {
            throw new StandardException(new StandardError(ErrorCode.CARRIER_UNAVAILABLE,
                    "carrier " + carrierId + " has never loaded, so whether it is local is unknown",
                    view.error() == null ? "enable it once" : view.error().describe(), carrierId));
        }
        if (!view.facts().local()) {
            throw new StandardException(new StandardError(ErrorCode.INVALID, "import is for local carriers",
                    "carrier " + carrierId + " is not local: its numbers come from the carrier itself", carrierId));
        }
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

    private static StandardException notFound(String number) {
        return StandardException.of(ErrorCode.NOT_FOUND, "number " + number + " not found",
                "search for it first, or import it into the local stock");
    }

    private static String describe(RuntimeException e) {
        return e instanceof StandardException s ? s.error().code().wireName() + ": " + s.getMessage() : e.toString();
    }

    @Override
    public void close() {
        invoker.close();
    }
}
