package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution, as an operator runs it: {@code bin/carrier-host} as a real process on a free
 * port, driven over real HTTP, stopped and started again.
 */
class PackagedHostIT {

    private static final Path HOME = PackagedHost.HOME;
    private static final Pattern NUMBER = Pattern.compile("\"number\":\"(\\+[0-9]+)\"");

    @TempDir
    Path data;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void searchAcquireRestartAndTheStateIsStillThere() throws Exception {
        PackagedHost first = start();
        String token = Files.readString(data.resolve("admin.token")).strip();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("admin.token"))));

        HttpResponse<String> search = call(first, token, "GET", "/api/numbers?prefix=415&quantity=10&carriers=mock", null);
        assertEquals(200, search.statusCode(), search.body());
        List<String> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(search.body());
        while (m.find()) {
            numbers.add(m.group(1));
        }
        assertEquals(10, numbers.size(), search.body());
        assertTrue(numbers.stream().allMatch(n -> n.startsWith("+1415")));
        String number = numbers.get(0);

        HttpResponse<String> acquired = call(first, token, "POST", "/api/numbers/" + number + "/acquire", "{\"account_id\":\"a1\"}");
        assertEquals(200, acquired.statusCode(), acquired.body());
        assertTrue(acquired.body().contains("\"state\":\"in_service\""), acquired.body());
        assertTrue(acquired.body().contains("\"order_id\":\"mock-order-"), acquired.body());

        stop(first);
        PackagedHost second = start();

        HttpResponse<String> stored = call(second, token, "GET", "/api/numbers/%2B" + number.substring(1), null);
        assertEquals(200, stored.statusCode(), stored.body());
        assertTrue(stored.body().contains("\"state\":\"in_service\""), stored.body());
        assertTrue(stored.body().contains("\"order_id\":\"mock-order-"), stored.body());
        assertEquals(409, call(second, token, "POST", "/api/numbers/" + number + "/acquire", "{}").statusCode());
        assertEquals(401, call(second, null, "GET", "/api/carriers", null).statusCode());
        stop(second);
    }

    @Test
    void aBadSettingStopsTheLauncherWithTheKeyNamed() throws Exception {
        Process process = new ProcessBuilder(HOME.resolve("bin/carrier-host").toString(), "--port", "eighty",
                "--data-dir", data.toString()).redirectErrorStream(true).start();
        processes.add(process);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("http.port"), output);
    }

    @Test
    void anUnknownKeyStopsTheLauncherNamingItAndTheKeyItIsCloseTo() throws Exception {
        Finished run = run("--port", "0", "--data-dir", data.toString(), "--set", "search.timeout=1");

        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("search.timeout: unknown setting"), run.output());
        assertTrue(run.output().contains("did you mean search.timeout_ms?"), run.output());
    }

    @Test
    void aPortInUseStopsTheLauncherNamingAddressAndPortBeforeAnyPluginLoads() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Finished run = run("--port", String.valueOf(taken.getLocalPort()), "--data-dir", data.toString());

            assertEquals(2, run.exit(), run.output());
            assertTrue(run.output().contains("127.0.0.1:" + taken.getLocalPort() + " is already in use"), run.output());
            assertFalse(run.output().contains("carrier mock"), run.output());
            assertFalse(Files.exists(data.resolve("plugins-work")), "no plugin was unpacked");
            assertFalse(Files.exists(data.resolve("registry.mv.db")), "the registry was not even opened");
        }
    }

    @Test
    void sigtermDrainsClosesSaysSoAndExitsZeroWithinFiveSeconds() throws Exception {
        PackagedHost running = start();
        long began = System.nanoTime();

        // kill(1), not Process.destroy(): destroy also closes this side's pipes, and the last line is read after.
        assertEquals(0, new ProcessBuilder("kill", "-TERM", String.valueOf(running.process().pid())).start().waitFor());

        assertTrue(running.process().waitFor(5, TimeUnit.SECONDS), "the host did not stop within 5 s of SIGTERM");
        assertEquals(0, running.process().exitValue());
        assertTrue((System.nanoTime() - began) / 1_000_000 < 5000);
        running.reader().join(5000);
        String last = running.lines().get(running.lines().size() - 1);
        assertTrue(last.startsWith("Carrier Host stopped"), String.join("\n", running.lines()));
    }

    @Test
    void versionAndHelpAreAnsweredWithoutStarting() throws Exception {
        Finished version = run("--version");
        Finished help = run("--help");

        assertEquals(0, version.exit());
        assertEquals("carrier-host 1.0.0", version.output().strip());
        assertEquals(0, help.exit());
        assertTrue(help.output().lines().limit(2).anyMatch(line -> line.contains("[--set KEY=VALUE]")), help.output());
    }

    private record Finished(int exit, String output) {
    }

    private Finished run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/carrier-host").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Finished(process.exitValue(), output);
    }

    private PackagedHost start() throws IOException, InterruptedException {
        PackagedHost host = PackagedHost.start(List.of("--port", "0", "--data-dir", data.toString()));
        processes.add(host.process());
        return host;
    }

    private static void stop(PackagedHost running) throws InterruptedException {
        assertTrue(running.stop(), "the host stops on SIGTERM");
    }

    private static HttpResponse<String> call(PackagedHost host, String token, String method, String path, String body)
            throws IOException, InterruptedException {
        return host.call(token, method, path, body);
    }
}
