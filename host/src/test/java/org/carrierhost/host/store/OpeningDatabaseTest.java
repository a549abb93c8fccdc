package org.carrierhost.host.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

/** A database opened on a thread of its own while a start goes on: who owns it, and what a failed start leaves. */
class OpeningDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void aDatabaseNobodyAwaitedIsClosedWithTheOpening() {
        OpeningDatabase opening = OpeningDatabase.begin(() -> Database.open(Database.embeddedUrl(folder), "sa", ""));
        Database[] opened = new Database[1];
        OpeningDatabase watched = OpeningDatabase.begin(() -> opened[0] = Database.open(Database.embeddedUrl(folder.resolve("b")), "sa", ""));
        opening.close();
        watched.close();
        assertTrue(((HikariDataSource) opened[0].dataSource()).isClosed(), "the pool a failed start opened is closed");
    }

    @Test
    void theAwaitedDatabaseIsTheCallersAndCloseLeavesItOpen() {
        OpeningDatabase opening = OpeningDatabase.begin(() -> Database.open(Database.embeddedUrl(folder), "sa", ""));
        try (Database database = opening.await()) {
            opening.close();
            assertFalse(((HikariDataSource) database.dataSource()).isClosed());
        }
    }

    @Test
    void awaitThrowsWhatTheOpeningThrewAsItThrewIt() {
        IllegalStateException failure = new IllegalStateException("cannot prepare the database");
        OpeningDatabase opening = OpeningDatabase.begin(() -> {
            throw failure;
        });
        assertSame(failure, assertThrows(IllegalStateException.class, opening::await));
        opening.close();
    }
}
