package org.carrierhost.host;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The servers the documented examples start in terminals of their own: each a {@code bash} running its block, its
 * output in a log; waiting for what a server says is ready; stopping them, and every process they started, with
 * SIGTERM (as Ctrl-C or {@code kill} would), then for good if they linger, once a launcher's background archiving
 * among them has ended.
 *
 * <p>Not thread-safe: one test thread drives it.
 */
final class ExampleProcesses {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /**
     * A server started from a block.
     *
     * @param process the {@code bash} running the block
     * @param log     what it printed
     */
    record Server(Process process, Path log) {
    }

    private final List<Server> running = new ArrayList<>();

    /** Runs {@code block} with {@code bash} in {@code cwd}, in the background, printing into {@code log}. */
    Server start(Path block, Path cwd, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "--norc", "--noprofile", block.toString()).directory(cwd.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Server server = new Server(builder.start(), log);
        running.add(server);
        return server;
    }

    /**
     * Waits until each target answers: a URL with 200, {@code tcp HOST:PORT} by accepting a connection.
     *
     * @param alive answers why the server is gone when it stopped meanwhile, else empty
     * @return empty when all answered, else why not
     */
    static Optional<String> awaitReady(List<String> targets, Supplier<Optional<String>> alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (int i = 0; i < targets.size(); i++) {
            String target = targets.get(i);
            if (target.equals("tcp")) {
                target = "tcp " + targets.get(++i);
            }
            while (!answers(target)) {
                Optional<String> gone = alive.get();
                if (gone.isPresent()) {
                    return gone;
                }
                if (System.nanoTime() > deadline) {
                    return Optional.of(target + " did not answer within " + READY_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
        }
        return Optional.empty();
    }

    /** Whether a {@code ready} target answers now. */
    static boolean answers(String target) {
        try {
            if (target.startsWith("tcp ")) {
                String[] hostPort = target.substring(4).split(":");
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 1000);
                    return true;
                }
            }
            HttpResponse<Void> reply = HTTP.send(HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return reply.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops every server started so far, and what each started. */
    void stopAll() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>();
        for (Server server : running) {
            all.addAll(server.process().descendants().toList());
            all.add(server.process().toHandle());
        }
        running.clear();
        stop(all);
    }

    /**
     * SIGTERM to each process, then up to 30 s for each to end, then SIGKILL to what is left; a launcher's class-data
     * archiving among them is let finish first (see {@link #awaitArchiving}).
     */
    static void stop(List<ProcessHandle> processes) throws InterruptedException {
        awaitArchiving(processes);
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Waits (up to 2 min) for the class-data archive that a launcher among {@code processes} makes in the background
     * ({@code java -Xshare:dump}, see {@code bin/carrier-host}), and for the subshell that puts it in place. A reader's
     * server runs long enough for it to end by itself; stopped at once, as the examples stop their servers, it would
     * be cut off every time (delaying the stop until the dump ends), so every other start would archive again and
     * none would map an archive.
     */
    private static void awaitArchiving(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        for (ProcessHandle process : processes) {
            if (process.info().commandLine().filter(c -> c.contains("-Xshare:dump")).isEmpty()) {
                continue;
            }
            Optional<ProcessHandle> subshell = process.parent();
            try {
                process.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return; // stopped with the rest
            }
            // The subshell then renames the archive into place and ends, but stays a zombie: its parent is the
            // host's JVM (the launcher's exec), which never reaps it, so onExit() would wait for the host.
            while (subshell.isPresent() && running(subshell.get()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }

    /** Whether {@code process} still runs: neither gone nor a zombie that no one reaped yet. */
    private static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // The state follows the command's closing parenthesis: "pid (comm) S ...".
            return process.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** The last lines of a log, for a failure message. */
    static String tail(Path log, int lines) {
        try (Stream<String> all = Files.lines(log)) {
            List<String> list = all.toList();
            return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
