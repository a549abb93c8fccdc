package org.carrierhost.host.http;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows down token guessing everywhere without ever refusing a right token. Only wrong tokens are counted
 * (a missing one guesses nothing), and a right token is never looked at here: it neither resets an address's
 * count nor waits for anyone's failures.
 *
 * <ul>
 *   <li>Globally, wrong tokens are judged (answered {@code 401}) at most {@value #GLOBAL_PER_SECOND} a second,
 *   after a burst of {@value #GLOBAL_BURST}, from any number of addresses; beyond that they are answered
 *   {@code 429 rate_limited}.</li>
 *   <li>Per address, after {@value #FREE_FAILURES} wrong tokens, that address backs off for 100 ms doubling up to
 *   30 s with each further one; its count is forgotten {@value #FORGET_MINUTES} minutes after its last wrong token,
 *   never by a right one. Up to {@value #MAX_ADDRESSES} addresses are remembered; the global budget does not
 *   depend on them.</li>
 * </ul>
 *
 * <p>Wrong tokens are counted in windows of {@link #WINDOW}: {@link #takeWindow} hands over the window's
 * figures, for one aggregate audit entry.
 *
 * <p>Thread-safe: per-address state is replaced atomically in a bounded concurrent cache; the global
 * bucket is guarded by its own lock; the window's counters are atomic.
 */
final class AuthThrottle {

    static final int FREE_FAILURES = 10;
    /** Wrong tokens judged per second, sustained, from all addresses together. */
    static final int GLOBAL_PER_SECOND = 5;
    /** Wrong tokens judged at once before the sustained rate applies. */
    static final int GLOBAL_BURST = 20;
    /** How often failures are summed up for the audit log. */
    static final Duration WINDOW = Duration.ofSeconds(5);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 30_000;
    private static final int MAX_ADDRESSES = 100_000;
    private static final int FORGET_MINUTES = 15;

    private final Cache<String, Failures> addresses = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES)
            .expireAfterWrite(FORGET_MINUTES, TimeUnit.MINUTES).build();
    private final Object bucketLock = new Object();
    private double budget = GLOBAL_BURST;
    private long refilled = System.nanoTime();
    private final AtomicLong judged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Cache<String, Boolean> windowAddresses = Caffeine.newBuilder().maximumSize(10_000).build();
    private volatile Instant windowStart = Instant.now();

    /**
     * Counts a wrong token from {@code client} and decides how it is answered.
     *
     * @return normally, when the wrong token may be judged: answer {@code 401}
     * @throws StandardException {@code rate_limited} when {@code client} is backing off or the global budget is spent
     */
    void wrong(String client) {
        long now = System.currentTimeMillis();
        Failures before = addresses.asMap().get(client);
        boolean backingOff = before != null && before.blockedUntil() > now;
        addresses.asMap().merge(client, new Failures(1, 0), (old, one) -> {
            int count = old.count() + 1;
            int over = count - FREE_FAILURES;
            long backoff = over <= 0 ? 0 : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(over - 1, 20));
            return new Failures(count, backoff == 0 ? old.blockedUntil() : Math.max(old.blockedUntil(), now + backoff));
        });
        windowAddresses.put(client, Boolean.TRUE);
        if (backingOff) {
            refused.incrementAndGet();
            throw refusal("too many wrong tokens from this address", "retry in " + (before.blockedUntil() - now) + " ms");
        }
        if (!takeGlobal()) {
            refused.incrementAndGet();
            throw refusal("too many wrong tokens to this host", "wrong tokens are judged at most " + GLOBAL_PER_SECOND
                    + " a second from all addresses together; retry in a second");
        }
        judged.incrementAndGet();
    }

    private boolean takeGlobal() {
        synchronized (bucketLock) {
            long now = System.nanoTime();
            budget = Math.min(GLOBAL_BURST, budget + (now - refilled) / 1e9 * GLOBAL_PER_SECOND);
            refilled = now;
            if (budget >= 1) {
                budget -= 1;
                return true;
            }
            return false;
        }
    }

    private static StandardException refusal(String message, String cause) {
        return StandardException.of(ErrorCode.RATE_LIMITED, message, cause);
    }

    /** The figures of the window that ends now, and a new window begun; empty when no wrong token came. */
    java.util.Optional<Window> takeWindow() {
        Instant start = windowStart;
        Instant end = Instant.now();
        windowStart = end;
        long wrongJudged = judged.getAndSet(0);
        long wrongRefused = refused.getAndSet(0);
        long from = windowAddresses.estimatedSize();
        windowAddresses.invalidateAll();
        if (wrongJudged + wrongRefused == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Window(start, end, wrongJudged, wrongRefused, from));
    }

    /**
     * One window's wrong tokens.
     *
     * @param start     when it began
     * @param end       when it ended
     * @param judged    wrong tokens answered 401
     * @param refused   wrong tokens answered 429 without a verdict on them
     * @param addresses distinct client addresses they came from (counted up to 10,000)
     */
    record Window(Instant start, Instant end, long judged, long refused, long addresses) {
    }

    /** An address's wrong tokens, and until when it is refused. */
    private record Failures(int count, long blockedUntil) {
    }
}
