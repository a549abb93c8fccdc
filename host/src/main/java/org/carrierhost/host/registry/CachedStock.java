package org.carrierhost.host.registry;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.carrierhost.api.NumberAttributes;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.api.SearchFilters;
import org.carrierhost.api.SearchOptions;
import org.carrierhost.host.events.HistoryEntry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A registry whose local stock searches are remembered for a while in memory, as a remote search trusts the states
 * it read ({@code search.state_ttl_ms}): the same page of the same prefix is read from the database once, not by
 * every search. Every write through this registry (a claim, an acquire, a release, an import, an adoption) forgets
 * every page remembered, and no page read while a write was under way is remembered, so a number this host moved
 * out of the stock is never in a search that starts after the move returned, and an import shows in the next
 * search. Another host's moves show when the pages expire; a number it acquired meanwhile is still refused here by
 * the database's conditional update, so nothing is sold twice. Everything else goes straight to the registry.
 *
 * <p>Thread-safe: the registry is; the pages are a Caffeine cache, stamped with a counter of writes started and
 * ended, and a page is served only while that counter is what it was when the page was read.
 */
public final class CachedStock implements NumberRegistry {

    /** The most pages remembered at once. */
    static final long MAX_PAGES = 10_000;

    private final NumberRegistry registry;
    private final Cache<Page, Stamped> pages;
    /** Moved once as each write starts and once as it ends: odd while a write is under way. */
    private final AtomicLong writes = new AtomicLong();
    /** How many writes are under way now. */
    private final AtomicLong writing = new AtomicLong();

    /** @param ttl how long a page read from the database is served; zero remembers nothing */
    public CachedStock(NumberRegistry registry, Duration ttl) {
        this.registry = registry;
        this.pages = Caffeine.newBuilder().maximumSize(ttl.isZero() ? 0 : MAX_PAGES).expireAfterWrite(ttl).build();
    }

    @Override
    public List<NumberRecord> findAvailable(String carrierId, String e164Prefix, int offset, int limit) {
        return page(new Page(carrierId, e164Prefix, offset, limit, SearchFilters.none()),
                () -> registry.findAvailable(carrierId, e164Prefix, offset, limit));
    }

    @Override
    public List<NumberRecord> findAvailable(String carrierId, String e164Prefix, SearchOptions options, int limit) {
        return page(new Page(carrierId, e164Prefix, options.offset(), limit, options.filters()),
                () -> registry.findAvailable(carrierId, e164Prefix, options, limit));
    }

    private List<NumberRecord> page(Page page, Supplier<List<NumberRecord>> read) {
        long before = writes.get();
        Stamped known = pages.getIfPresent(page);
        if (known != null && known.stamp == before && writing.get() == 0) {
            return known.records;
        }
        List<NumberRecord> records = List.copyOf(read.get());
        // Only a read that no write overlapped is remembered (one started before it may have committed during it).
        if (writing.get() == 0 && writes.get() == before) {
            pages.put(page, new Stamped(before, records));
        }
        return records;
    }

    /** Runs a write, forgetting every page before and after it. */
    private <T> T write(Supplier<T> change) {
        writing.incrementAndGet();
        writes.incrementAndGet();
        try {
            return change.get();
        } finally {
            writes.incrementAndGet();
            writing.decrementAndGet();
            pages.invalidateAll();
        }
    }

    @Override
    public List<NumberRecord> findTaken(String carrierId, int offset, int limit) {
        return registry.findTaken(carrierId, offset, limit);
    }

    @Override
    public Optional<NumberRecord> find(String number) {
        return registry.find(number);
    }

    @Override
    public Map<String, NumberState> states(Collection<String> numbers) {
        return registry.states(numbers);
    }

    @Override
    public ClaimResult claimOffered(String carrier, NumberOffer offer, Set<NumberState> from, NumberState target) {
        return write(() -> registry.claimOffered(carrier, offer, from, target));
    }

    @Override
    public Map<String, NumberState> addInState(String carrier, Collection<String> numbers, NumberState state, String actor) {
        return write(() -> registry.addInState(carrier, numbers, state, actor));
    }

    @Override
    public Map<String, NumberState> addInState(String carrier, Collection<String> numbers, NumberState state, String actor,
                                               Map<String, NumberAttributes> attributes) {
        return write(() -> registry.addInState(carrier, numbers, state, actor, attributes));
    }

    @Override
    public PresentNumbers addStock(String carrier, Collection<String> numbers, NumberState state, String actor,
                                   Map<String, NumberAttributes> attributes) {
        return write(() -> registry.addStock(carrier, numbers, state, actor, attributes));
    }

    @Override
    public List<NumberRecord> agingOver(Duration agingFor, int limit) {
        return registry.agingOver(agingFor, limit);
    }

    @Override
    public ClaimResult claim(String number, Set<NumberState> from, NumberState target) {
        return write(() -> registry.claim(number, from, target));
    }

    @Override
    public NumberRecord complete(Claim claim, NumberRecord updated, String actor) {
        return write(() -> registry.complete(claim, updated, actor));
    }

    @Override
    public void release(Claim claim) {
        write(() -> {
            registry.release(claim);
            return null;
        });
    }

    @Override
    public void release(Claim claim, Map<String, Object> carrierData) {
        write(() -> {
            registry.release(claim, carrierData);
            return null;
        });
    }

    @Override
    public ClaimResult moveAtOnce(NumberRecord updated, Set<NumberState> from, String actor) {
        return write(() -> registry.moveAtOnce(updated, from, actor));
    }

    @Override
    public List<NumberRecord> ofCarrier(String carrier, Set<NumberState> states) {
        return registry.ofCarrier(carrier, states);
    }

    @Override
    public NumberRecord adopt(NumberRecord record, String actor) {
        return write(() -> registry.adopt(record, actor));
    }

    @Override
    public List<HistoryEntry> history(String number) {
        return registry.history(number);
    }

    /** What a stock search asked: the page of a carrier's available numbers under a prefix that match the filters. */
    private record Page(String carrier, String prefix, int offset, int limit, SearchFilters filters) {
    }

    /** A page as read, with the count of writes when it was read. */
    private record Stamped(long stamp, List<NumberRecord> records) {
    }
}
