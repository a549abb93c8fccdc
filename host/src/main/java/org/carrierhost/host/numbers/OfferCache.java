package org.carrierhost.host.numbers;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /**
     * Reads states for searches, so that a search waits on the database at most {@link #STATE_WAIT}: a few
     * threads, none queued, so a slow database holds at most these and a search finding them busy goes on.
     */
    private final ThreadPoolExecutor readers = new ThreadPoolExecutor(0, READERS, 1, TimeUnit.SECONDS, new SynchronousQueue<>(),
            runnable -> {
                Thread t = new Thread(runnable, "search-states");
                t.setDaemon(true);
                return t;
            });

    /** The longest a search waits for the registry's states of what it found. */
    static final Duration STATE_WAIT = Duration.ofMillis(500);
    private static final int READERS = 4;

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
     * memory where known, with one read of the registry for the rest, waited for at most {@link #STATE_WAIT}.
     * When the database is gone or slower than that, what memory knows, marked incomplete.
     */
    States states(List<String> numbers) {
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
                read = readers.submit(() -> registry.states(unknown)).get(STATE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException | TimeoutException e) {
                return new States(known, "the registry did not answer within " + STATE_WAIT.toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new States(known, "interrupted while reading the registry");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof StandardException s && s.error().code() == ErrorCode.CARRIER_UNAVAILABLE) {
                    // The database is gone: the search still answers, filtered by what memory knows; an
                    // acquire of a number held meanwhile is refused by the registry itself.
                    return new States(known, s.getMessage());
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            for (String number : unknown) {
                NumberState state = read.get(number);
                states.put(number, state == null ? UNKNOWN : Optional.of(state));
                if (state != null) {
                    known.put(number, state);
                }
            }
        }
        return new States(known, null);
    }

    /** Ends the state readers (one still waiting on the database ends once it answers). */
    void close() {
        readers.shutdownNow();
    }

    /**
     * The states known of some numbers.
     *
     * @param known      each held number's state
     * @param incomplete why some numbers' states are not known, or null when all are
     */
    record States(Map<String, NumberState> known, String incomplete) {
    }
}
