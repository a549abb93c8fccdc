package org.carrierhost.host.holds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Which numbers nobody holds, as searches read them: remembered for a while in memory so that a search of a local
 * carrier's stock (whose one statement already leaves out every number not available) makes no second round trip to
 * leave out held ones, as long as a remote search trusts the states it read ({@code search.state_ttl_ms}). Only that
 * nobody holds a number is remembered: a held number is read again by each search, so a hold ended anywhere shows at
 * once. Every hold this host makes forgets everything remembered, so this host's own holds show at once; another
 * host's new holds show when the entries expire. Nothing is sold against it: an acquire asks the store itself
 * ({@link Holds#admit}), so a held number a search still shows is refused to another account.
 *
 * <p>Thread-safe: a Caffeine cache and a generation counter; a read that overlapped a hold made here (the
 * generation moved while it read) is answered but not remembered, so no read from before a hold outlives it in memory.
 * A search never waits on another's read: the same number read by two at once is read twice.
 */
final class HolderCache {

    /** The most numbers remembered at once. */
    static final long MAX_ENTRIES = 1_000_000;

    private final Cache<String, Boolean> free;
    private final AtomicLong generation = new AtomicLong();

    /** @param ttl how long that nobody holds a number is trusted; zero remembers nothing */
    HolderCache(Duration ttl) {
        this.free = Caffeine.newBuilder().maximumSize(ttl.isZero() ? 0 : MAX_ENTRIES).expireAfterWrite(ttl).build();
    }

    /**
     * Which of {@code numbers} are held, each with the account it is held for: those remembered as held by nobody
     * are not read again; the rest are read with one call of {@code read}.
     */
    Map<String, String> holders(Collection<String> numbers, Function<List<String>, Map<String, String>> read) {
        List<String> unknown = new ArrayList<>();
        for (String number : numbers) {
            if (free.getIfPresent(number) == null) {
                unknown.add(number);
            }
        }
        if (unknown.isEmpty()) {
            return Map.of();
        }
        long before = generation.get();
        Map<String, String> held = read.apply(unknown);
        if (generation.get() == before) {
            List<String> nobody = unknown.stream().filter(n -> !held.containsKey(n)).toList();
            nobody.forEach(n -> free.put(n, Boolean.TRUE));
            // A hold made while these were stored: forget them too.
            if (generation.get() != before) {
                free.invalidateAll(nobody);
            }
        }
        return held;
    }

    /** Forgets everything remembered: a hold was made here (called once its write is committed). */
    void forget() {
        generation.incrementAndGet();
        free.invalidateAll();
    }
}
