package org.carrierhost.host.holds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** What searches remember of who holds numbers, and when they read the store again. */
class HolderCacheTest {

    private final HolderCache cache = new HolderCache(Duration.ofMinutes(1));
    private final List<List<String>> reads = new ArrayList<>();
    private Map<String, String> store = Map.of();

    private Map<String, String> read(List<String> numbers) {
        reads.add(List.copyOf(numbers));
        return numbers.stream().filter(store::containsKey).collect(Collectors.toMap(n -> n, store::get));
    }

    @Test
    void numbersNobodyHoldsAreNotReadAgainByTheNextSearch() {
        cache.holders(List.of("+12015550000", "+12015550001"), this::read);
        assertEquals(Map.of(), cache.holders(List.of("+12015550000", "+12015550001"), this::read));
        assertEquals(1, reads.size(), reads.toString());
    }

    @Test
    void aHeldNumberIsReadAgainByEverySearchSoItsEndShowsAtOnce() {
        store = Map.of("+12015550000", "acct-1");
        assertEquals(Map.of("+12015550000", "acct-1"), cache.holders(List.of("+12015550000", "+12015550001"), this::read));
        store = Map.of();
        assertEquals(Map.of(), cache.holders(List.of("+12015550000", "+12015550001"), this::read));
        assertEquals(List.of(List.of("+12015550000", "+12015550001"), List.of("+12015550000")), reads);
    }

    @Test
    void aHoldMadeHereShowsInTheVeryNextSearch() {
        cache.holders(List.of("+12015550000"), this::read);
        store = Map.of("+12015550000", "acct-1");
        cache.forget();
        assertEquals(Map.of("+12015550000", "acct-1"), cache.holders(List.of("+12015550000"), this::read));
    }

    @Test
    void aReadThatOverlappedAHoldMadeHereIsNotRemembered() {
        cache.holders(List.of("+12015550000"), numbers -> {
            Map<String, String> before = read(numbers);
            store = Map.of("+12015550000", "acct-1");
            cache.forget();
            return before;
        });
        assertEquals(Map.of("+12015550000", "acct-1"), cache.holders(List.of("+12015550000"), this::read));
    }

    @Test
    void aZeroTrustRemembersNothing() {
        HolderCache none = new HolderCache(Duration.ZERO);
        none.holders(List.of("+12015550000"), this::read);
        none.holders(List.of("+12015550000"), this::read);
        assertEquals(2, reads.size(), reads.toString());
    }
}
