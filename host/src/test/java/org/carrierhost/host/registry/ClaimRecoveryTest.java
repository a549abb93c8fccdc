package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.events.HistoryEntry;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Claims carry their owner, and those of a process that is gone are released at start. */
class ClaimRecoveryTest {

    private static final EnumSet<NumberState> FREE = EnumSet.of(NumberState.DISCOVERY, NumberState.AVAILABLE);
    private static final String NUMBER = "+14155550100";

    private Database database;

    @BeforeEach
    void open(TestDatabase db) {
        database = db.open();
    }

    @AfterEach
    void close() {
        database.close();
    }

    private JdbcNumberRegistry registryOf(String owner) {
        return new JdbcNumberRegistry(database.dataSource(), Clock.systemUTC(), Duration.ofMinutes(10), owner);
    }

    @BothDatabases
    void aClaimOfAStoppedOwnerIsReleasedAndTheNumberCanBeAcquiredAgain() {
        JdbcNumberRegistry gone = registryOf("gone");
        gone.claimOffered("mock", new NumberOffer(NUMBER, Map.of()), FREE, NumberState.IN_SERVICE);
        JdbcNumberRegistry self = registryOf("self");
        assertInstanceOf(ClaimResult.Busy.class, self.claim(NUMBER, FREE, NumberState.IN_SERVICE));

        List<String> released = new ClaimRecovery(database.dataSource(), Clock.systemUTC())
                .releaseDeadClaims(ClaimRecovery.onlySelf("self"));

        assertEquals(List.of(NUMBER), released);
        assertInstanceOf(ClaimResult.Claimed.class, self.claim(NUMBER, FREE, NumberState.IN_SERVICE));
    }

    @BothDatabases
    void aReleasedClaimLeavesAHistoryEntryThatAgreesWithTheState() {
        JdbcNumberRegistry gone = registryOf("gone");
        gone.claimOffered("mock", new NumberOffer(NUMBER, Map.of()), FREE, NumberState.IN_SERVICE);

        new ClaimRecovery(database.dataSource(), Clock.systemUTC()).releaseDeadClaims(ClaimRecovery.onlySelf("self"));

        List<HistoryEntry> history = gone.history(NUMBER);
        HistoryEntry last = history.get(history.size() - 1);
        assertEquals(ClaimRecovery.ACTOR, last.actor());
        assertEquals(gone.find(NUMBER).orElseThrow().state(), last.to());
    }

    @BothDatabases
    void aClaimOfALiveOwnerIsKept() {
        JdbcNumberRegistry self = registryOf("self");
        self.claimOffered("mock", new NumberOffer(NUMBER, Map.of()), FREE, NumberState.IN_SERVICE);

        assertEquals(List.of(), new ClaimRecovery(database.dataSource(), Clock.systemUTC())
                .releaseDeadClaims(ClaimRecovery.onlySelf("self")));
    }
}
