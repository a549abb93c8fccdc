package org.carrierhost.host.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run marker tells a start whether the host before it ended without closing. */
class RunMarkerTest {

    @TempDir
    Path data;

    @Test
    void aFirstStartFindsNoUncleanEnd() {
        assertFalse(RunMarker.take(data).uncleanEndBefore());
    }

    @Test
    void aStartAfterACleanCloseFindsNoUncleanEnd() throws Exception {
        RunMarker.take(data).close();

        assertFalse(Files.exists(data.resolve(RunMarker.FILE)));
        assertFalse(RunMarker.take(data).uncleanEndBefore());
    }

    @Test
    void aStartAfterAnEndWithoutCloseFindsAnUncleanEnd() {
        RunMarker.take(data);

        assertTrue(RunMarker.take(data).uncleanEndBefore());
    }
}
