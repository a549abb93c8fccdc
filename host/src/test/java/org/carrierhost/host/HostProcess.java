package org.carrierhost.host;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real host in a child JVM ({@link Main} on the test classpath), for tests in which the process dies:
 * by a plugin's halt, or by SIGKILL.
 */
public final class HostProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Carrier Host listening on (http://\\S+)");

    private final Process process;
    private final CompletableFuture<String> url = new CompletableFuture<>();
    private final StringBuffer output = new StringBuffer();

    private HostProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    output.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (java.io.IOException ignored) {
                // The process ended.
            }
            url.complete(null);
        }, "host-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a host on {@code plugins} and {@code data} with the test admin token, its carriers in its own process
     * ({@link TestHosts#IN_HOST}) unless {@code sets} (key=value, over those) says otherwise.
     */
    public static HostProcess start(Path plugins, Path data, String... sets) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--plugins-dir", plugins.toString(), "--data-dir", data.toString(), "--port", "0",
                "--set", "admin.token=" + TestHosts.ADMIN_TOKEN));
        TestHosts.IN_HOST.forEach((key, value) -> command.addAll(List.of("--set", key + "=" + value)));
        for (String set : sets) {
            command.add("--set");
            command.add(set);
        }
        return new HostProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The URL it listens on, once it does; null when it ended first. */
    public String awaitUrl() throws Exception {
        return url.get(60, TimeUnit.SECONDS);
    }

    /** Waits for the process to end by itself; its exit code, or null if it still runs after {@code seconds}. */
    public Integer awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    /** What the process printed so far (stdout and stderr), for failure messages. */
    public String output() {
        return output.toString();
    }

    /** SIGTERM, as systemd stops a service: the host drains and closes. */
    public void terminate() {
        // Through the handle: Process.destroy() would also close the pipes, losing what the host prints as it stops.
        process.toHandle().destroy();
    }

    /** SIGKILL: no shutdown hook, no clean-up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
