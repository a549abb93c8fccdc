package org.carrierhost.host.numbers;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.manager.FoundNumber;
import org.carrierhost.host.registry.NumberRegistry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What this host's searches remember, in memory only (KAZOO's {@code knm_search} keeps the same in ETS):
 * <ul>
 *   <li>which carrier offered each number, with the carrier's data, for {@code search.offer_ttl_ms}, so
 *       a later acquire goes to that carrier;</li>
 *   <li>the registry's state of each number a search offered, for {@code search.state_ttl_ms}, so that
 *       held numbers are left out of results without a database round trip per search. This host's own
 *       acquires and disconnects update it at once; another host's are seen when the entry expires.</li>
 * </ul>
 * Both are bounded in size. A search writes nothing durable.
 *
 * <p>Thread-safe: Caffeine caches.
 */
final class OfferCache {

    /** The most numbers remembered at once, in each cache. */
    static final long MAX_ENTRIES = 1_000_000;
    /** Cached in place of a state for a number the registry does not hold (Caffeine keeps no nulls). */
    private static final Optional<NumberState> UNKNOWN = Optional.empty();

    private final Cache<String, FoundNumber> offers;
    private final Cache<String, Optional<NumberState>> states;
    private final NumberRegistry registry;

    OfferCache(NumberRegistry registry, Duration offerTtl, Duration stateTtl) {
        this.registry = registry;
        this.offers = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(offerTtl).build();
        this.states = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(stateTtl).build();
    }

    /** Remembers that these numbers were offered, each by its carrier. */
    void offered(Collection<FoundNumber> numbers) {
        for (FoundNumber n : numbers) {
            offers.put(n.number(), n);
        }
    }

    /** The offer of {@code number} this host remembers, if any. */
    Optional<FoundNumber> offer(String number) {
        return Optional.ofNullable(offers.getIfPresent(number));
    }

    /** Notes the state this host just stored for {@code number}. */
    void stored(String number, NumberState state) {
        states.put(number, Optional.of(state));
    }

    /**
     * The registry's state of each of {@code numbers} (absent when it does not hold the number): from
     * memory where known, with one read of the registry for the rest.
     */
    Map<String, NumberState> states(List<String> numbers) {
        Map<String, NumberState> known = new HashMap<>();
        List<String> unknown = new java.util.ArrayList<>();
        for (String number : numbers) {
            Optional<NumberState> state = states.getIfPresent(number);
            if (state == null) {
                unknown.add(number);
            } else {
                state.ifPresent(s -> known.put(number, s));
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, NumberState> read;
            try {
                read = registry.states(unknown);
            } catch (StandardException e) {
                if (e.error().code() != ErrorCode.CARRIER_UNAVAILABLE) {
                    throw e;
                }
                // The database is gone: the search still answers, filtered by what memory knows; an
                // acquire of a number held meanwhile is refused by the registry itself.
                return known;
            }
            for (String number : unknown) {
                NumberState state = read.get(number);
                states.put(number, state == null ? UNKNOWN : Optional.of(state));
                if (state != null) {
                    known.put(number, state);
                }
            }
        }
        return known;
    }
}
