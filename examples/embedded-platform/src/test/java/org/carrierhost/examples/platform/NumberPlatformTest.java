package org.carrierhost.examples.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example platform, run in the build so it cannot rot. */
class NumberPlatformTest {

    private static final Path SHIPPED = Path.of(System.getProperty("shipped.plugins", "target/shipped-plugins"));

    @TempDir
    Path work;

    @Test
    void thePlatformSearchesAcquiresSwapsUnderLoadAndLeavesNoHostThreadAfterClose() throws Exception {
        PlatformReport report = NumberPlatform.run(SHIPPED, work);

        assertTrue(report.acquired().endsWith("IN_SERVICE"), report.toString());
        assertEquals("1.0.0", report.versionBefore(), report.toString());
        assertEquals("1.0.1", report.versionAfter(), report.toString());
        assertTrue(report.searches() > 0, report.toString());
        assertEquals(0, report.failures(), report.toString());
        assertTrue(report.events().getOrDefault("CarrierEvent", 0L) > 0, report.toString());
        assertTrue(report.threadsLeft().isEmpty(), "host threads left after close: " + report.threadsLeft());
        assertTrue(report.ok(), report.toString());
    }
}
