package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The limits an isolated carrier's process is started with, read from the running process's {@code /proc} entry
 * (Linux): the mock carrier, with {@code carrier.mock.isolation.cpus=1}, in one host for the class.
 */
@RunsAlone
class ProcessLimitsTest {

    @TempDir
    static Path plugins;
    @TempDir
    static Path data;

    private static CarrierHost host;
    private static long pid;

    @BeforeAll
    static void startTheHost() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads /proc (Linux)");
        TestPlugins.copyMock(plugins);
        host = TestHosts.start(plugins, data, Map.of("carrier.mock.isolation", "process", "carrier.mock.isolation.cpus", "1"));
        JsonNode carrier = ApiClient.of(host).get("/api/carriers/mock").json();
        assertEquals("STARTED", carrier.path("state").asText(), carrier.toString());
        pid = carrier.path("process").path("pid").asLong();
        assertTrue(pid > 0, carrier.toString());
    }

    @AfterAll
    static void stopTheHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aProcessLimitedToOneCpuIsToldItHasOne() throws IOException {
        String commandLine = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');

        assertTrue(commandLine.contains("-XX:ActiveProcessorCount=1 "), commandLine);
    }

    @Test
    void aProcessLimitedToOneCpuRunsOnOneWhereTasksetIsInstalled() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/taskset")), "taskset (util-linux) is not installed");
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "the host has one processor");

        String allowed = status("Cpus_allowed_list");

        assertEquals(1, CpuLimit.parse(allowed).size(), allowed);
    }

    @Test
    void aProcessWorksInAFolderOfItsOwnUnderTheDataDirectory() throws IOException {
        Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));

        assertEquals(data.resolve("plugins-work").toRealPath(), cwd.getParent(), cwd.toString());
        assertTrue(cwd.getFileName().toString().startsWith("mock-process-"), cwd.toString());
    }

    private static String status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim();
            }
        }
        throw new AssertionError("no " + field + " in /proc/" + pid + "/status");
    }
}
