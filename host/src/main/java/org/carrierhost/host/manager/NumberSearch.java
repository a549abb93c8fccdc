package org.carrierhost.host.manager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.plugins.CarrierTable;
import org.carrierhost.host.registry.CarrierDataCodec;
import org.carrierhost.host.registry.NumberRegistry;

/**
 * A search over carriers: all of them asked in parallel under one deadline, their offers merged, sorted,
 * de-duplicated and paged, one error entry per carrier that failed, and remote offers remembered so a
 * later acquire goes to the carrier that offered them.
 *
 * <p>Thread-safe: holds only thread-safe parts and immutable settings.
 */
final class NumberSearch {

    /** The most numbers one search returns. */
    static final int MAX_QUANTITY = 500;
    /** The deepest page a search over several carriers may ask for: each must be asked for offset + quantity. */
    static final int MAX_MERGED_WINDOW = 10_000;

    private final CarrierTable carriers;
    private final NumberRegistry registry;
    private final CarrierInvoker invoker;
    private final ManagerSettings settings;

    NumberSearch(CarrierTable carriers, NumberRegistry registry, CarrierInvoker invoker, ManagerSettings settings) {
        this.carriers = carriers;
        this.registry = registry;
        this.invoker = invoker;
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
            boolean isLocal = carriers.isLocal(carrier);
            local.put(carrier, isLocal);
            int stray = 0;
            for (NumberOffer offer : offers) {
                if (!offer.number().startsWith(prefix) || !offer.number().matches("\\+[1-9][0-9]{1,14}")) {
                    stray++;
                    continue;
                }
                found.putIfAbsent(offer.number(), new FoundNumber(offer.number(), carrier,
                        isLocal ? NumberState.AVAILABLE : NumberState.DISCOVERY,
                        CarrierDataCodec.plain(offer.data())));
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

    private List<FoundNumber> withoutHeld(Map<String, FoundNumber> found) {
        Map<String, NumberState> known = registry.states(found.keySet());
        return found.values().stream().filter(n -> !CarrierManager.HELD.contains(known.get(n.number())))
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
}
