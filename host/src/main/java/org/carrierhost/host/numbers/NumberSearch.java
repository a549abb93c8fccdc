package org.carrierhost.host.numbers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierOperation;
import org.carrierhost.host.manager.E164;
import org.carrierhost.host.manager.FoundNumber;
import org.carrierhost.host.manager.ManagerSettings;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchResponse;
import org.carrierhost.host.manager.SkippedCarrier;
import org.carrierhost.host.plugins.call.CallOutcome;
import org.carrierhost.host.plugins.call.CarrierCalls;
import org.carrierhost.host.plugins.lifecycle.CarrierRoster;
import org.carrierhost.host.plugins.lifecycle.CarrierTable;
import org.carrierhost.host.registry.CarrierDataCodec;

/**
 * A search over carriers: all of them asked in parallel under one deadline, their offers merged, sorted,
 * de-duplicated and paged, one error entry per carrier that failed, numbers already held left out (and
 * carriers asked for more, so the page stays full), and remote offers remembered in memory so a later
 * acquire goes to the carrier that offered them. Nothing durable is written. Each round works from one
 * {@link CarrierRoster}, read once: which carriers serve and which are local never change under it.
 *
 * <p>Thread-safe: holds only thread-safe parts and immutable settings.
 */
final class NumberSearch {

    /** The most numbers one search returns. */
    static final int MAX_QUANTITY = 500;
    /** The deepest page a search over several carriers may ask for: each must be asked for offset + quantity. */
    static final int MAX_MERGED_WINDOW = 10_000;
    /** How many times a search asks again for more when held numbers left its page short. */
    private static final int MAX_ROUNDS = 3;

    private final CarrierTable carriers;
    private final CarrierCalls calls;
    private final OfferCache offers;
    private final ManagerSettings settings;
    /** Which numbers are held now, and for which account. */
    private final java.util.function.Function<java.util.Collection<String>, Map<String, String>> holders;

    NumberSearch(CarrierTable carriers, CarrierCalls calls, OfferCache offers, ManagerSettings settings,
                 java.util.function.Function<java.util.Collection<String>, Map<String, String>> holders) {
        this.holders = holders;
        this.carriers = carriers;
        this.calls = calls;
        this.offers = offers;
        this.settings = settings;
    }

    /**
     * Asks every enabled carrier (or those named) in parallel under one deadline, and merges what they
     * offer: sorted by number, without duplicates (the first carrier in {@code carriers.order} wins),
     * without numbers already held, paged by offset and quantity.
     *
     * @throws StandardException {@code invalid} for a bad prefix, quantity, offset or country
     */
    SearchResponse find(SearchRequest request) {
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
        List<String> notes = new ArrayList<>();
        CarrierRoster roster = carriers.snapshot();
        List<SkippedCarrier> skipped = new ArrayList<>();
        List<String> targets = targets(roster, request.carriers(), errors, skipped);
        boolean merged = targets.size() > 1;
        if (merged && (long) request.offset() + request.quantity() > MAX_MERGED_WINDOW) {
            throw StandardException.of(ErrorCode.INVALID, "offset too deep for a search over several carriers",
                    "offset + quantity must be at most " + MAX_MERGED_WINDOW + "; name one carrier to page deeper");
        }
        // Over several carriers each must give its first offset + quantity, so the merged page is exact.
        int wanted = merged ? request.offset() + request.quantity() : request.quantity();
        SearchOptions options = new SearchOptions(merged ? 0 : request.offset(), region, E164.dialcode(region),
                request.accountId(), null, request.blockSize(), request.tollFree());

        long deadline = System.nanoTime() + settings.searchTimeout().toNanos();
        Map<String, Answer> answers = new LinkedHashMap<>();
        List<String> ask = targets;
        int quantity = wanted;
        for (int round = 0; round < MAX_ROUNDS && !ask.isEmpty(); round++) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (round > 0 && left.isZero()) {
                break;
            }
            CarrierRoster now = round == 0 ? roster : carriers.snapshot();
            int q = Math.min(quantity, MAX_MERGED_WINDOW);
            List<CallOutcome<List<NumberOffer>>> outcomes = calls.callAll(ask, CarrierOperation.FIND, left,
                    carrier -> carrier.findNumbers(prefix, q, options).toOffers());
            for (CallOutcome<List<NumberOffer>> outcome : outcomes) {
                answers.put(outcome.carrierId(), withoutHeld(answer(outcome, prefix, q, now), request.accountId()));
            }
            // Carriers that gave all that was asked may have more; ask them again, for as many more as were held.
            int held = answers.values().stream().mapToInt(Answer::held).sum();
            List<Answer> usable = answers.values().stream().filter(a -> a.error == null).toList();
            long kept = usable.stream().flatMap(a -> a.numbers.stream()).map(FoundNumber::number).distinct().count();
            if (held == 0 || kept >= wanted) {
                break;
            }
            ask = usable.stream().filter(Answer::full).map(a -> a.carrier).toList();
            quantity = q + held;
        }

        Map<String, FoundNumber> found = new LinkedHashMap<>();
        for (Answer answer : byPriority(answers.values())) {
            if (answer.error != null) {
                // A search of every carrier leaves out one an operator took away after the roster was read.
                if (!(request.carriers().isEmpty() && answer.notServing)) {
                    errors.add(answer.error);
                }
                continue;
            }
            answer.numbers.forEach(n -> found.putIfAbsent(n.number(), n));
            if (answer.note != null) {
                notes.add(answer.note);
            }
            if (answer.stray > 0) {
                errors.add(new StandardError(ErrorCode.CARRIER_FAULT, "carrier " + answer.carrier + " offered numbers outside the search",
                        answer.stray + " of its numbers were not E.164 numbers under " + prefix + " and were left out", answer.carrier));
            }
        }
        List<FoundNumber> sorted = found.values().stream().sorted(Comparator.comparing(FoundNumber::number)).toList();
        List<FoundNumber> numbers = page(sorted, merged ? request.offset() : 0, request.quantity());
        offers.offered(numbers.stream().filter(n -> n.state() == NumberState.DISCOVERY).toList());
        return new SearchResponse(numbers, errors, notes, skipped);
    }

    /**
     * Which carrier offers exactly {@code number} now: each serving remote carrier is asked for it under
     * the search deadline, and the first in {@code carriers.order} that offers it wins. What an acquire
     * of a number this host did not offer (its offer expired, the host restarted, another host offered
     * it) asks, so that it still reaches the right carrier without any durable write per search.
     *
     * @param only    only this carrier is asked, when not null (the carrier a search answer named)
     * @return the offer, or empty with the carriers' errors added to {@code errors}
     */
    Optional<FoundNumber> offeredBy(String number, String only, List<StandardError> errors) {
        String region = E164.regionOf(number);
        SearchOptions options = new SearchOptions(0, region, E164.dialcode(region), null, null, 0, false);
        CarrierRoster roster = carriers.snapshot();
        List<String> remote = roster.serving().stream().filter(id -> !roster.local(id))
                .filter(id -> only == null || id.equals(only)).toList();
        List<CallOutcome<List<NumberOffer>>> outcomes = calls.callAll(remote, CarrierOperation.CHECK,
                settings.searchTimeout(), carrier -> carrier.findNumbers(number, 1, options).toOffers());
        List<Answer> answers = outcomes.stream().map(o -> answer(o, number, 1, roster)).toList();
        for (Answer answer : byPriority(answers)) {
            if (answer.error != null) {
                errors.add(answer.error);
                continue;
            }
            Optional<FoundNumber> hit = answer.numbers.stream().filter(n -> n.number().equals(number)).findFirst();
            if (hit.isPresent()) {
                offers.offered(List.of(hit.get()));
                return hit;
            }
        }
        return Optional.empty();
    }

    /** {@code answer} without the numbers held for accounts other than {@code accountId}, counted as held. */
    private Answer withoutHeld(Answer answer, String accountId) {
        if (answer.error != null || answer.numbers.isEmpty()) {
            return answer;
        }
        Map<String, String> held;
        try {
            held = holders.apply(answer.numbers.stream().map(FoundNumber::number).toList());
        } catch (StandardException e) {
            // Reads go on without the database: the offers stand, and an acquire of a held one is still refused.
            String note = "carrier " + answer.carrier + "'s numbers were not checked against the holds (" + e.error().message()
                    + "); an acquire of a held one is refused";
            return new Answer(answer.carrier, answer.numbers, answer.stray, answer.held, answer.full, null, answer.notServing,
                    answer.note == null ? note : answer.note + "; " + note);
        }
        if (held.isEmpty()) {
            return answer;
        }
        List<FoundNumber> kept = answer.numbers.stream().filter(n -> !held.containsKey(n.number())
                || held.get(n.number()).equals(accountId)).toList();
        return new Answer(answer.carrier, kept, answer.stray, answer.held + answer.numbers.size() - kept.size(), answer.full, null,
                answer.notServing, answer.note);
    }

    /** One carrier's offers under {@code prefix}, without strays and held numbers, or its error. */
    private Answer answer(CallOutcome<List<NumberOffer>> outcome, String prefix, int asked, CarrierRoster roster) {
        String carrier = outcome.carrierId();
        if (outcome instanceof CallOutcome.Failed<List<NumberOffer>> failed) {
            return new Answer(carrier, List.of(), 0, 0, false, failed.error(), failed.notServing(), null);
        }
        List<NumberOffer> offered = ((CallOutcome.Answered<List<NumberOffer>>) outcome).value();
        boolean local = roster.local(carrier);
        String note = null;
        List<FoundNumber> numbers = new ArrayList<>(offered.size());
        int stray = 0;
        for (NumberOffer offer : offered) {
            if (!offer.number().startsWith(prefix) || !offer.number().matches("\\+[1-9][0-9]{1,14}")) {
                stray++;
                continue;
            }
            numbers.add(new FoundNumber(offer.number(), carrier, local ? NumberState.AVAILABLE : NumberState.DISCOVERY,
                    CarrierDataCodec.plain(offer.data())));
        }
        int before = numbers.size();
        if (!local) {
            // A local carrier offers only its available stock; a remote one knows nothing of what we hold.
            OfferCache.States states = offers.states(numbers.stream().map(FoundNumber::number).toList());
            Map<String, NumberState> known = states.known();
            numbers = numbers.stream().filter(n -> !org.carrierhost.host.registry.NumberTransitions.HELD.contains(known.get(n.number()))).toList();
            if (states.incomplete() != null) {
                note = "carrier " + carrier + "'s numbers were filtered by the states this host remembers only ("
                        + states.incomplete() + "); an acquire of one held meanwhile is refused";
            }
        }
        return new Answer(carrier, numbers, stray, before - numbers.size(), offered.size() >= asked, null, false, note);
    }

    /**
     * The carriers a search asks: those named, or every serving one but those not configured, which are listed in
     * {@code skipped} (a carrier named is asked, and answers for itself).
     */
    private static List<String> targets(CarrierRoster roster, List<String> named, List<StandardError> errors,
                                        List<SkippedCarrier> skipped) {
        if (named.isEmpty()) {
            List<String> targets = new ArrayList<>();
            for (String id : roster.serving()) {
                List<String> missing = roster.missingSettings(id);
                if (missing.isEmpty()) {
                    targets.add(id);
                } else {
                    skipped.add(new SkippedCarrier(id, "not configured: missing "
                            + missing.stream().map(k -> "carrier." + id + "." + k).collect(java.util.stream.Collectors.joining(", "))));
                }
            }
            return targets;
        }
        List<String> targets = new ArrayList<>();
        for (String id : named.stream().distinct().toList()) {
            if (roster.knows(id)) {
                targets.add(id);
            } else {
                errors.add(new StandardError(ErrorCode.NOT_FOUND, "unknown carrier " + id, null, id));
            }
        }
        return targets;
    }

    private List<Answer> byPriority(java.util.Collection<Answer> answers) {
        List<String> order = settings.carriersOrder();
        return answers.stream().sorted(Comparator.comparingInt((Answer a) -> {
            int index = order.indexOf(a.carrier);
            return index < 0 ? Integer.MAX_VALUE : index;
        }).thenComparing(a -> a.carrier)).toList();
    }

    private static List<FoundNumber> page(List<FoundNumber> numbers, int offset, int quantity) {
        if (offset >= numbers.size()) {
            return List.of();
        }
        return numbers.subList(offset, Math.min(numbers.size(), offset + quantity));
    }

    /**
     * What one carrier answered.
     *
     * @param numbers what it offered under the prefix that nobody holds
     * @param stray   offers outside the prefix, left out
     * @param held    offers of numbers already held, left out
     * @param full    whether it gave all that was asked, so may have more
     * @param error   its failure, or null
     * @param notServing whether it failed because nothing of it served when called (disabled, removed)
     * @param note    what the search could not do for its numbers (check them against a slow registry), or null
     */
    private record Answer(String carrier, List<FoundNumber> numbers, int stray, int held, boolean full, StandardError error,
                          boolean notServing, String note) {
    }
}
