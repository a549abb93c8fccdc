package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.events.HistoryEntry;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The registry on real databases: an embedded H2 file and a PostgreSQL server (see {@link BothDatabases}). */
class JdbcNumberRegistryTest {

    private static final EnumSet<NumberState> FREE = EnumSet.of(NumberState.DISCOVERY, NumberState.AVAILABLE);

    private TestDatabase db;
    private Database database;
    private JdbcNumberRegistry registry;

    @BeforeEach
    void open(TestDatabase db) {
        this.db = db;
        open();
    }

    private void open() {
        database = db.open();
        registry = new JdbcNumberRegistry(database.dataSource(), Clock.systemUTC(), Duration.ofMinutes(10));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @BothDatabases
    void anOfferedNumberIsStoredAlreadyClaimedAsDiscoveryWithItsCarrierAndData() {
        ClaimResult result = registry.claimOffered("mock", new NumberOffer("+14155550100", Map.of("rate_center", "SF")), FREE,
                NumberState.IN_SERVICE);

        NumberRecord stored = registry.find("+14155550100").orElseThrow();
        assertInstanceOf(ClaimResult.Claimed.class, result);
        assertEquals(NumberState.DISCOVERY, stored.state());
        assertEquals("mock", stored.carrier());
        assertEquals("SF", stored.data().get("rate_center"));
        assertInstanceOf(ClaimResult.Busy.class, registry.claim("+14155550100", FREE, NumberState.IN_SERVICE));
    }

    @BothDatabases
    void ofTwoClaimsOfOneOfferedNumberTheSecondFindsItBusy() {
        registry.claimOffered("mock", NumberOffer.of("+14155550100"), FREE, NumberState.IN_SERVICE);

        assertInstanceOf(ClaimResult.Busy.class,
                registry.claimOffered("mock", NumberOffer.of("+14155550100"), FREE, NumberState.IN_SERVICE));
    }

    @BothDatabases
    void aReleaseWithWhatAFailedCallLeftBehindKeepsTheStateAndMergesTheData() {
        ClaimResult result = registry.claimOffered("telnyx", new NumberOffer("+13125550100", Map.of("state", "IL")), FREE,
                NumberState.IN_SERVICE);

        registry.release(((ClaimResult.Claimed) result).claim(), Map.of("order_id", "ord-1"));

        NumberRecord kept = registry.find("+13125550100").orElseThrow();
        assertEquals(NumberState.DISCOVERY, kept.state());
        assertEquals(Map.of("state", "IL", "order_id", "ord-1"), kept.data());
        assertInstanceOf(ClaimResult.Claimed.class, registry.claim("+13125550100", FREE, NumberState.IN_SERVICE),
                "the claim was given up");
    }

    /** Stores {@code number} as offered by {@code carrier}, unclaimed: what an acquire that failed leaves. */
    private static void offered(JdbcNumberRegistry registry, String carrier, String number) {
        ClaimResult result = registry.claimOffered(carrier, NumberOffer.of(number), FREE, NumberState.IN_SERVICE);
        registry.release(((ClaimResult.Claimed) result).claim());
    }

    @BothDatabases
    void ofManyConcurrentClaimsExactlyOneWins() throws Exception {
        offered(registry, "mock", "+14155550100");
        int callers = 32;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ClaimResult>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Callable<ClaimResult> claim = () -> {
                go.await();
                return registry.claim("+14155550100", FREE, NumberState.IN_SERVICE);
            };
            results.add(pool.submit(claim));
        }
        go.countDown();
        int won = 0;
        for (Future<ClaimResult> result : results) {
            if (result.get() instanceof ClaimResult.Claimed) {
                won++;
            } else {
                assertInstanceOf(ClaimResult.Busy.class, result.get());
            }
        }
        pool.shutdown();
        assertEquals(1, won);
    }

    @BothDatabases
    void completingAClaimStoresTheMoveAndItsHistory() {
        offered(registry, "mock", "+14155550100");
        Claim claim = ((ClaimResult.Claimed) registry.claim("+14155550100", FREE, NumberState.IN_SERVICE)).claim();

        registry.complete(claim, new NumberRecord("+14155550100", NumberState.IN_SERVICE, "mock", "acct",
                Map.of("order_id", "o-1")), "tester");

        NumberRecord stored = registry.find("+14155550100").orElseThrow();
        assertEquals(NumberState.IN_SERVICE, stored.state());
        assertEquals("acct", stored.accountId());
        List<HistoryEntry> history = registry.history("+14155550100");
        assertEquals(1, history.size());
        assertEquals(NumberState.DISCOVERY, history.get(0).from());
        assertEquals(NumberState.IN_SERVICE, history.get(0).to());
        assertEquals("tester", history.get(0).actor());
    }

    @BothDatabases
    void aReleasedClaimLetsTheNextCallerWin() {
        offered(registry, "mock", "+14155550100");
        Claim first = ((ClaimResult.Claimed) registry.claim("+14155550100", FREE, NumberState.IN_SERVICE)).claim();

        registry.release(first);

        assertInstanceOf(ClaimResult.Claimed.class, registry.claim("+14155550100", FREE, NumberState.IN_SERVICE));
    }

    @BothDatabases
    void aClaimOlderThanItsLifetimeIsTakenOver() {
        JdbcNumberRegistry impatient = new JdbcNumberRegistry(database.dataSource(), Clock.systemUTC(), Duration.ofMillis(-1));
        offered(impatient, "mock", "+14155550100");
        impatient.claim("+14155550100", FREE, NumberState.IN_SERVICE);

        assertInstanceOf(ClaimResult.Claimed.class, impatient.claim("+14155550100", FREE, NumberState.IN_SERVICE));
    }

    @BothDatabases
    void aNumberInTheWrongStateIsNotClaimed() {
        offered(registry, "mock", "+14155550100");

        ClaimResult result = registry.claim("+14155550100", EnumSet.of(NumberState.IN_SERVICE), NumberState.RELEASED);

        assertInstanceOf(ClaimResult.WrongState.class, result);
    }

    @BothDatabases
    void aMoveAtOnceStoresTheNumberAndItsHistoryInOneStep() {
        registry.addAvailable("local", List.of("+14155550100"), "test");

        ClaimResult result = registry.moveAtOnce(new NumberRecord("+14155550100", NumberState.IN_SERVICE, "local", "a", Map.of()),
                FREE, "api:admin");

        assertEquals(NumberState.IN_SERVICE, ((ClaimResult.Moved) result).stored().state());
        assertEquals("a", registry.find("+14155550100").orElseThrow().accountId());
        List<HistoryEntry> history = registry.history("+14155550100");
        assertEquals(NumberState.IN_SERVICE, history.get(history.size() - 1).to());
    }

    @BothDatabases
    void aMoveAtOnceOfAHeldOrClaimedNumberIsRefusedAndChangesNothing() {
        registry.addAvailable("local", List.of("+14155550100", "+14155550101"), "test");
        NumberRecord held = new NumberRecord("+14155550100", NumberState.IN_SERVICE, "local", "a", Map.of());
        registry.moveAtOnce(held, FREE, "first");
        registry.claim("+14155550101", FREE, NumberState.IN_SERVICE);

        assertInstanceOf(ClaimResult.WrongState.class, registry.moveAtOnce(held, FREE, "second"));
        assertInstanceOf(ClaimResult.Busy.class,
                registry.moveAtOnce(new NumberRecord("+14155550101", NumberState.IN_SERVICE, "local", "b", Map.of()), FREE, "second"));
        assertInstanceOf(ClaimResult.Missing.class,
                registry.moveAtOnce(new NumberRecord("+14155550199", NumberState.IN_SERVICE, "local", "b", Map.of()), FREE, "second"));
        assertEquals(NumberState.AVAILABLE, registry.find("+14155550101").orElseThrow().state());
    }

    @BothDatabases
    void racingMovesAtOnceOfOneNumberHaveExactlyOneWinnerAndOneHistoryRow() throws Exception {
        registry.addAvailable("local", List.of("+14155550100"), "test");
        int racers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ClaimResult>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String account = "acct-" + i;
            results.add(pool.submit(() -> {
                go.await();
                return registry.moveAtOnce(new NumberRecord("+14155550100", NumberState.IN_SERVICE, "local", account, Map.of()),
                        FREE, "racer");
            }));
        }
        go.countDown();
        List<ClaimResult> answers = new ArrayList<>();
        for (Future<ClaimResult> result : results) {
            answers.add(result.get());
        }
        pool.shutdown();

        List<ClaimResult> won = answers.stream().filter(r -> r instanceof ClaimResult.Moved).toList();
        assertEquals(1, won.size(), answers.toString());
        assertEquals(((ClaimResult.Moved) won.get(0)).stored().accountId(), registry.find("+14155550100").orElseThrow().accountId());
        assertEquals(1, registry.history("+14155550100").stream().filter(h -> h.to() == NumberState.IN_SERVICE).count());
        assertTrue(answers.stream().allMatch(r -> r instanceof ClaimResult.Moved || r instanceof ClaimResult.WrongState
                || r instanceof ClaimResult.Busy), answers.toString());
    }

    @BothDatabases
    void anUnknownNumberIsMissing() {
        assertInstanceOf(ClaimResult.Missing.class, registry.claim("+14155550199", FREE, NumberState.IN_SERVICE));
    }

    @BothDatabases
    void statesAnswersOnlyForStoredNumbers() {
        offered(registry, "mock", "+14155550100");

        Map<String, NumberState> states = registry.states(List.of("+14155550100", "+14155550101"));

        assertEquals(Map.of("+14155550100", NumberState.DISCOVERY), states);
    }

    @BothDatabases
    void storedStateSurvivesReopeningTheDatabase() {
        offered(registry, "mock", "+14155550100");
        database.close();

        open();

        assertTrue(registry.find("+14155550100").isPresent());
    }

    @BothDatabases
    void addedStockIsAvailableWithItsCreationInTheHistoryAndPresentNumbersAreLeftAlone() {
        offered(registry, "mock", "+14155550101");

        Map<String, NumberState> present = registry.addAvailable("local", List.of("+14155550100", "+14155550101"), "ops");

        assertEquals(Map.of("+14155550101", NumberState.DISCOVERY), present);
        assertEquals(NumberState.AVAILABLE, registry.find("+14155550100").orElseThrow().state());
        assertEquals("mock", registry.find("+14155550101").orElseThrow().carrier());
        HistoryEntry created = registry.history("+14155550100").get(0);
        assertEquals(java.util.Arrays.asList(null, NumberState.AVAILABLE, "ops", "local"),
                java.util.Arrays.asList(created.from(), created.to(), created.actor(), created.carrier()));
        assertEquals(List.of(), registry.history("+14155550101"));
    }

    @BothDatabases
    void anImportThatFailsPartWayAddsNothing() {
        // The last row is too long for its column, so the database refuses it after the others were sent.
        List<String> numbers = List.of("+14155550100", "+14155550101", "+1415555010" + "0".repeat(30));

        assertThrows(IllegalStateException.class, () -> registry.addAvailable("local", numbers, "ops"));

        assertEquals(Map.of(), registry.states(numbers));
        assertEquals(List.of(), registry.history("+14155550100"));
    }

    @BothDatabases
    void theStockSearchAnswersExactlyTheNumbersStartingWithThePrefixInNumberOrderWhateverTheCollation() {
        registry.addAvailable("local", List.of("+14155550101", "+1415", "+14155550100", "+1416", "+14145550100",
                "+441415550100"), "ops");

        List<String> found = registry.findAvailable("local", "+1415", 0, 10).stream().map(NumberRecord::number).toList();
        List<String> page = registry.findAvailable("local", "+1415", 1, 1).stream().map(NumberRecord::number).toList();

        assertEquals(List.of("+1415", "+14155550100", "+14155550101"), found);
        assertEquals(List.of("+14155550100"), page);
    }
}
