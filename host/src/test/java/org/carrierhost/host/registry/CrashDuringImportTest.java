package org.carrierhost.host.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.HostProcess;
import org.carrierhost.host.Reliability;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.store.Database;
import org.carrierhost.host.store.Dialect;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stock import is all or nothing under SIGKILL: a real host in a child JVM is killed at several moments of an
 * import of 50,000 numbers (the 1,000,000 under the profile reliability-long) (COPY and one INSERT on PostgreSQL,
 * batched inserts on H2), in the test host's 256 MB heap, and after each kill
 * the registry holds either none of them or all of them, each with its history row; a last import then stores them all.
 */
@RunsAlone
class CrashDuringImportTest {

    /**
     * 50,000 in the default run, 1,000,000 under the profile reliability-long (which ran out of the 256 MB heap until
     * the import kept no object per number and answered with a summary: BENCHMARKS.md, "Imports of a million").
     */
    private static final int NUMBERS = Reliability.load(50_000, 1_000_000);
    /** When each kill comes after the import was sent: while the body is read, while the rows are written, near the end. */
    private static final List<Integer> KILL_AFTER_MS = List.of(400, 1_200, 2_500);

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @BothDatabases
    void anImportKilledAtAnyMomentLeavesNoneOrAllOfItsNumbers(TestDatabase db) throws Exception {
        TestPlugins.copyLocal(plugins);
        StringBuilder body = new StringBuilder("{\"carrier\":\"local\",\"numbers\":[");
        for (int k = 0; k < NUMBERS; k++) {
            body.append(k == 0 ? "\"" : ",\"").append(String.format("+1%03d555%04d", 201 + k / 10_000, k % 10_000)).append('"');
        }
        String stock = body.append("]}").toString();
        List<Long> seen = new ArrayList<>();
        for (int wait : KILL_AFTER_MS) {
            HostProcess host = start(db);
            ApiClient api = new ApiClient(host.awaitUrl(), TestHosts.ADMIN_TOKEN);
            CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> api.post("/api/numbers/import", stock).status());
            Thread.sleep(wait);
            host.kill();
            long stored = stored(db, "numbers");
            seen.add(stored);
            assertTrue(stored == 0 || stored == NUMBERS, "after a kill " + wait + " ms into the import: " + stored + " numbers");
            assertEquals(stored, stored(db, "number_history"), "each stored number has its history row");
            if (status.isDone() && !status.isCompletedExceptionally() && status.get() == 200) {
                assertEquals(NUMBERS, stored, "an answered import is all there");
            }
            if (stored == NUMBERS) {
                break;
            }
        }
        HostProcess host = start(db);
        try {
            // A large import takes minutes on a 2-core machine (BENCHMARKS.md: 45 us of CPU a number on H2).
            ApiClient api = new ApiClient(host.awaitUrl(), TestHosts.ADMIN_TOKEN).withTimeout(Duration.ofMinutes(10));
            assertEquals(200, api.post("/api/numbers/import", stock).status());
        } finally {
            host.close();
        }
        assertEquals(NUMBERS, stored(db, "numbers"), "the kills " + seen + " left a registry that takes the import whole");
    }

    private HostProcess start(TestDatabase db) throws Exception {
        List<String> sets = new ArrayList<>();
        db.settings().forEach((key, value) -> sets.add(key + "=" + value));
        HostProcess host = HostProcess.start(plugins, data, sets.toArray(String[]::new));
        assertNotNull(host.awaitUrl(), () -> "the host started; it printed:\n" + host.output());
        return host;
    }

    /**
     * Rows of {@code table} for the local carrier, read straight from the database the killed host left; with no statement
     * timeout, as counting a million rows on H2 on a loaded machine takes longer than the store's default.
     */
    private static long stored(TestDatabase db, String table) throws Exception {
        try (Database database = db.open(); Connection c = database.dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute(Dialect.isPostgres(c) ? "SET statement_timeout = 0" : "SET QUERY_TIMEOUT 0");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table + " WHERE carrier = 'local'")) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
