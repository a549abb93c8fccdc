package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.carrierhost.host.ApiClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What tests read of a carrier's process from outside it: its pid as the host shows it, whether it ended, its
 * threads, and the CPU time of the host's process and all it started.
 *
 * <p>Thread-safe: stateless; each call reads the host's API or the operating system anew.
 */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** The pid of carrier {@code id}'s process, as {@code GET /api/carriers/{id}} shows it; asserts there is one. */
    static long pid(ApiClient api, String id) {
        JsonNode carrier = api.get("/api/carriers/" + id).json();
        long pid = carrier.path("process").path("pid").asLong();
        assertTrue(pid > 0, carrier.toString());
        return pid;
    }

    /** Whether process {@code pid} is gone, or goes within 5 s. */
    static boolean ended(long pid) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The threads of process {@code pid}, from its {@code /proc/<pid>/status} (Linux); -1 when it says none. */
    static long threadsOf(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /**
     * The CPU time the test's own process (the host's) and every process it started, their children's children
     * too, spend during {@code window}: a process that ends meanwhile counts for nothing.
     */
    static Duration cpuOfHostAndChildren(Duration window) throws InterruptedException {
        java.util.Map<Long, Duration> before = cpuByPid();
        Thread.sleep(window.toMillis());
        Duration spent = Duration.ZERO;
        for (java.util.Map.Entry<Long, Duration> after : cpuByPid().entrySet()) {
            spent = spent.plus(after.getValue().minus(before.getOrDefault(after.getKey(), Duration.ZERO)));
        }
        return spent;
    }

    private static java.util.Map<Long, Duration> cpuByPid() {
        java.util.Map<Long, Duration> cpu = new java.util.HashMap<>();
        ProcessHandle self = ProcessHandle.current();
        java.util.stream.Stream.concat(java.util.stream.Stream.of(self), self.descendants()).forEach(process ->
                process.info().totalCpuDuration().ifPresent(spent -> cpu.put(process.pid(), spent)));
        return cpu;
    }
}
