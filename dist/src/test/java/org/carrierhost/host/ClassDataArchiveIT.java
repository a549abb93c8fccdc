package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive (AppCDS, see {@code bin/carrier-host}): the classes of a start that served,
 * archived by the next start in the background, and mapped by the JVM of the start after, which
 * {@code /proc/<pid>/maps} shows.
 */
class ClassDataArchiveIT {

    @TempDir
    Path data;
    @TempDir
    Path cds;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aStartThatServedLeavesAnArchiveThatTheNextStartMaps() throws Exception {
        PackagedHost first = start(cds.toString());
        assertTrue(first.stop());
        assertEquals(1, files(".classes").size(), "the first start recorded its classes: " + files(""));
        assertEquals(1, files(".served").size(), "and got as far as serving: " + files(""));

        PackagedHost second = start(cds.toString());
        assertTrue(second.stop());
        List<Path> archives = awaitArchive();

        PackagedHost third = start(cds.toString());
        assertTrue(mapped(third).contains(archives.get(0).toString()), "the JVM maps the archive");
        assertEquals(200, third.call(null, "GET", "/api/health", null).statusCode());
        assertTrue(third.stop());
        assertEquals(archives, files(""), "nothing else is left in the folder");
    }

    @Test
    void aRunThatNeverServedLeavesNoArchive() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(PackagedHost.HOME.resolve("bin/carrier-host").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().put("CDS_DIR", cds.toString());
        Process version = builder.start();
        processes.add(version);
        version.getInputStream().readAllBytes();
        assertTrue(version.waitFor(30, TimeUnit.SECONDS));

        assertEquals(1, files(".classes").size(), "its JVM recorded its classes: " + files(""));

        PackagedHost host = start(cds.toString());

        assertTrue(files(".jsa").isEmpty(), "a --version run's classes are not archived: " + files(""));
        assertTrue(files(".list").isEmpty(), files("").toString());
        assertEquals(1, files(".classes").size(), "only the running host's list is left: " + files(""));
        assertTrue(host.stop());
    }

    @Test
    void anEmptyCdsDirTurnsItOff() throws Exception {
        PackagedHost host = start("");

        assertFalse(mapped(host).contains("carrier-host-"), "no archive of the host's is mapped");
        assertTrue(host.stop());
        assertTrue(files("").isEmpty());
    }

    private PackagedHost start(String cdsDir) throws IOException, InterruptedException {
        PackagedHost host = PackagedHost.start(List.of("--port", "0", "--data-dir", data.toString()), Map.of("CDS_DIR", cdsDir));
        processes.add(host.process());
        return host;
    }

    /** The archive the second start makes in the background: a few seconds of CPU. */
    private List<Path> awaitArchive() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (files(".jsa").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<Path> archives = files(".jsa");
        assertEquals(1, archives.size(), "an archive was made: " + files(""));
        return archives;
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> listed = Files.list(cds)) {
            return listed.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static String mapped(PackagedHost host) throws IOException {
        return Files.readString(Path.of("/proc", Long.toString(host.process().pid()), "maps"));
    }
}
