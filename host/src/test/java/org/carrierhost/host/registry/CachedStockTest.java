package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local stock searches remembered in memory: what they serve, and what makes the next search read the stock again. */
class CachedStockTest {

    private static final EnumSet<NumberState> FREE = EnumSet.of(NumberState.AVAILABLE);

    @TempDir
    Path folder;
    private Database database;
    private CachedStock registry;

    @BeforeEach
    void open() {
        database = Database.open(Database.embeddedUrl(folder), "sa", "");
        registry = new CachedStock(new JdbcNumberRegistry(database.dataSource(), Clock.systemUTC(), Duration.ofMinutes(10)),
                Duration.ofMinutes(1));
        registry.addAvailable("local", List.of("+12015550000", "+12015550001", "+12015550002"), "test");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<String> search() {
        return registry.findAvailable("local", "+12015", 0, 10).stream().map(NumberRecord::number).toList();
    }

    @Test
    void aRepeatedSearchIsServedFromMemoryWithoutReadingTheStock() throws Exception {
        search();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE numbers SET state = 'IN_SERVICE' WHERE number = '+12015550000'"); // behind the registry's back
        }
        assertEquals(List.of("+12015550000", "+12015550001", "+12015550002"), search());
    }

    @Test
    void aNumberAcquiredIsNotInTheNextSearch() {
        search();
        Claim claim = ((ClaimResult.Claimed) registry.claim("+12015550001", FREE, NumberState.IN_SERVICE)).claim();
        search();
        registry.complete(claim, registry.find("+12015550001").orElseThrow().withState(NumberState.IN_SERVICE), "test");
        assertEquals(List.of("+12015550000", "+12015550002"), search());
    }

    @Test
    void aNumberReleasedIsInTheNextSearchAgain() {
        Claim claim = ((ClaimResult.Claimed) registry.claim("+12015550001", FREE, NumberState.IN_SERVICE)).claim();
        search();
        registry.release(claim);
        assertTrue(search().contains("+12015550001"), search().toString());
    }

    @Test
    void anImportShowsInTheNextSearch() {
        search();
        registry.addStock("local", List.of("+12015550003"), NumberState.AVAILABLE, "test", Map.of());
        assertTrue(search().contains("+12015550003"), search().toString());
    }

    @Test
    void aZeroTtlRemembersNothing() throws Exception {
        CachedStock none = new CachedStock(new JdbcNumberRegistry(database.dataSource(), Clock.systemUTC(), Duration.ofMinutes(10)),
                Duration.ZERO);
        none.findAvailable("local", "+12015", 0, 10);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE numbers SET state = 'IN_SERVICE' WHERE number = '+12015550000'");
        }
        assertEquals(2, none.findAvailable("local", "+12015", 0, 10).size());
    }
}
