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
import org.carrierhost.api.SearchFilter;
import org.carrierhost.api.SearchFilters;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierOperation;
import org.carrierhost.host.manager.E164;
import org.carrierhost.host.manager.FilterReport;
import org.carrierhost.host.manager.FoundNumber;
import org.carrierhost.host.manager.ManagerSettings;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.manager.SearchResponse;
import org.carrierhost.host.manager.SearchVocabulary;
import org.carrierhost.host.manager.SkippedCarrier;
import org.carrierhost.host.plugins.call.CallOutcome;
import org.carrierhost.host.plugins.call.CarrierCalls;
import org.carrierhost.host.plugins.call.RoutedCall;
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
    /** An E.164 number, compiled once (String.matches compiled it again for every offer: a quarter of a local search). */
    private static final java.util.regex.Pattern E164_NUMBER = java.util.regex.Pattern.compile("\\+[1-9][0-9]{1,14}");
    /** How many times a search asks again for more when held numbers left its page short. */
    private static final int MAX_ROUNDS = 3;

    private final CarrierTable carriers;
    private final CarrierCalls calls;
    private final OfferCache offers;
    private final ManagerSettings settings;
    /** Which numbers are held now, and for which account. */
    private final java.util.function.Function<java.util.Collection<String>, Map<String, String>> holders;
    /** Where the offers dropped for breaking a filter are counted, by carrier. */
    private volatile java.util.function.ObjIntConsumer<String> droppedMeter = (carrier, count) -> { };

    NumberSearch(CarrierTable carriers, CarrierCalls calls, OfferCache offers, ManagerSettings settings,
                 java.util.function.Function<java.util.Collection<String>, Map<String, String>> holders) {
        this.holders = holders;
        this.carriers = carriers;
        this.calls = calls;
        this.offers = offers;
        this.settings = settings;
    }

    /** Counts the offers each search drops for breaking a filter in {@code meter}, by carrier. */
    void meterDroppedWith(java.util.function.ObjIntConsumer<String> meter) {
        this.droppedMeter = meter;
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
        String dialcode = E164.dialcode(region);
        SearchFilters filters = request.filters();
        SearchVocabulary.check(filters, dialcode);
        String prefix = narrowed(request.prefix(), region, dialcode, filters);
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
        Map<String, FilterPlan> plans = new LinkedHashMap<>();
        for (String id : targets(roster, request.carriers(), errors, skipped)) {
            FilterPlan plan = FilterPlan.of(roster.capabilities(id), filters, region, dialcode);
            if (plan.asks()) {
                plans.put(id, plan);
            } else {
                skipped.add(new SkippedCarrier(id, plan.skip()));
            }
        }
        List<String> targets = List.copyOf(plans.keySet());
        boolean merged = targets.size() > 1;
        if (merged && (long) request.offset() + request.quantity() > MAX_MERGED_WINDOW) {
            throw StandardException.of(ErrorCode.INVALID, "offset too deep for a search over several carriers",
                    "offset + quantity must be at most " + MAX_MERGED_WINDOW + "; name one carrier to page deeper");
        }
        // Over several carriers each must give its first offset + quantity, so the merged page is exact.
        int wanted = merged ? request.offset() + request.quantity() : request.quantity();
        SearchOptions options = new SearchOptions(merged ? 0 : request.offset(), region, dialcode,
                request.accountId(), null, request.blockSize(), request.tollFree(), filters);
        Check check = new Check(plans, filters, dialcode, roster);

        long deadline = System.nanoTime() + settings.searchTimeout().toNanos();
        Map<String, Answer> answers = new LinkedHashMap<>();
        QuantityCaps caps = new QuantityCaps(plans);
        List<String> ask = targets;
        int quantity = wanted;
        for (int round = 0; round < MAX_ROUNDS && !ask.isEmpty(); round++) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (round > 0 && left.isZero()) {
                break;
            }
            CarrierRoster now = round == 0 ? roster : carriers.snapshot();
            int q = Math.min(quantity, MAX_MERGED_WINDOW);
            // No carrier is asked for more than its max_quantity in one call.
            List<CallOutcome<List<NumberOffer>>> outcomes = calls.callEach(ask, CarrierOperation.FIND, left, id -> {
                int asked = caps.ask(id, q);
                // Routed by account (a carrier in a canary rollout), and counted by what it asked (the canary's yield).
                return new RoutedCall<>(request.accountId(), asked,
                        carrier -> CarrierDataCodec.plainOffers(carrier.findNumbers(prefix, asked, options).toOffers()));
            });
            for (CallOutcome<List<NumberOffer>> outcome : outcomes) {
                answers.put(outcome.carrierId(), withoutHeld(answer(outcome, prefix, caps.asked(outcome.carrierId()), now, check),
                        request.accountId()));
            }
            // Carriers that gave all that was asked may have more; ask them again, for as many more as were held.
            int held = answers.values().stream().mapToInt(a -> a.held + a.dropped).sum();
            List<Answer> usable = answers.values().stream().filter(a -> a.error == null).toList();
            long kept = usable.stream().flatMap(a -> a.numbers.stream()).map(FoundNumber::number).distinct().count();
            if (held == 0 || kept >= wanted) {
                break;
            }
            // One already asked for its max_quantity would give the same again.
            ask = usable.stream().filter(Answer::full).map(a -> a.carrier).filter(caps::mayGiveMore).toList();
            quantity = q + held;
        }

        Map<String, FoundNumber> found = new LinkedHashMap<>();
        Map<String, FilterReport> reports = new LinkedHashMap<>();
        for (Answer answer : byPriority(answers.values())) {
            FilterReport report = plans.get(answer.carrier).report().plusDropped(answer.dropped);
            reports.put(answer.carrier, answer.full && caps.cut(answer.carrier) ? report.cappedAt(caps.max(answer.carrier)) : report);
            if (answer.dropped > 0) {
                droppedMeter.accept(answer.carrier, answer.dropped);
            }
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
        return new SearchResponse(numbers, errors, notes, skipped, reports);
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
                settings.searchTimeout(), carrier -> CarrierDataCodec.plainOffers(carrier.findNumbers(number, 1, options).toOffers()));
        List<Answer> answers = outcomes.stream().map(o -> answer(o, number, 1, roster, Check.NONE)).toList();
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
                    answer.note == null ? note : answer.note + "; " + note, answer.dropped);
        }
        if (held.isEmpty()) {
            return answer;
        }
        List<FoundNumber> kept = answer.numbers.stream().filter(n -> !held.containsKey(n.number())
                || held.get(n.number()).equals(accountId)).toList();
        return new Answer(answer.carrier, kept, answer.stray, answer.held + answer.numbers.size() - kept.size(), answer.full, null,
                answer.notServing, answer.note, answer.dropped);
    }

    /** One carrier's offers under {@code prefix}, without strays and held numbers, or its error. */
    private Answer answer(CallOutcome<List<NumberOffer>> outcome, String prefix, int asked, CarrierRoster roster, Check check) {
        String carrier = outcome.carrierId();
        if (outcome instanceof CallOutcome.Failed<List<NumberOffer>> failed) {
            return new Answer(carrier, List.of(), 0, 0, false, failed.error(), failed.notServing(), null, 0);
        }
        List<NumberOffer> offered = ((CallOutcome.Answered<List<NumberOffer>>) outcome).value();
        boolean local = roster.local(carrier);
        String note = null;
        List<FoundNumber> numbers = new ArrayList<>(offered.size());
        int stray = 0;
        int dropped = 0;
        for (NumberOffer offer : offered) {
            if (!offer.number().startsWith(prefix) || !E164_NUMBER.matcher(offer.number()).matches()) {
                stray++;
                continue;
            }
            if (!check.keeps(carrier, offer)) {
                dropped++;
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
        return new Answer(carrier, numbers, stray, before - numbers.size(), offered.size() >= asked, null, false, note, dropped);
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
     * @param dropped offers under the prefix that broke a filter the host checks, left out
     */
    private record Answer(String carrier, List<FoundNumber> numbers, int stray, int held, boolean full, StandardError error,
                          boolean notServing, String note, int dropped) {
    }

    /**
     * The filters the host checks on each carrier's offers in one search.
     *
     * @param plans    each carrier's plan, by id
     * @param filters  the search's filters
     * @param dialcode the country's calling code, cut off for the digit patterns
     * @param roster   the carriers' capabilities
     */
    private record Check(Map<String, FilterPlan> plans, SearchFilters filters, String dialcode, CarrierRoster roster) {

        /** Checks nothing: a look-up of one exact number. */
        static final Check NONE = new Check(Map.of(), SearchFilters.none(), "+", null);

        boolean keeps(String carrier, NumberOffer offer) {
            FilterPlan plan = plans.get(carrier);
            return plan == null || plan.keeps(offer, filters, dialcode, roster.capabilities(carrier));
        }
    }

    /**
     * The E.164 prefix a search asks for: the prefix given (the country's calling code when none), narrowed by the
     * area code and {@code starts_with}, which every carrier so applies.
     *
     * @throws StandardException {@code invalid} when the prefix is outside the country or they contradict each other
     */
    static String narrowed(String rawPrefix, String region, String dialcode, SearchFilters filters) {
        String prefix = rawPrefix == null || rawPrefix.isBlank() ? dialcode : E164.prefix(rawPrefix, region);
        if (filters.areaCode() == null && filters.startsWith() == null) {
            return prefix;
        }
        if (!prefix.startsWith(dialcode)) {
            throw StandardException.of(ErrorCode.INVALID, "prefix " + prefix + " is outside country " + region,
                    "area_code and starts_with are digits of a national number of " + region + " (" + dialcode + ")");
        }
        String national = prefix.substring(dialcode.length());
        for (SearchFilter filter : List.of(SearchFilter.AREA_CODE, SearchFilter.STARTS_WITH)) {
            String digits = filter == SearchFilter.AREA_CODE ? filters.areaCode() : filters.startsWith();
            if (digits == null || national.startsWith(digits)) {
                continue;
            }
            if (!digits.startsWith(national)) {
                throw StandardException.of(ErrorCode.INVALID, filter.wireName() + " " + digits + " contradicts the prefix "
                        + dialcode + national, "no number can match both; give one, or ones that agree");
            }
            national = digits;
        }
        return dialcode + national;
    }
}
