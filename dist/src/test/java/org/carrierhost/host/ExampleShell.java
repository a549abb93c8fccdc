package org.carrierhost.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The terminal a page's commands are typed into: one {@code bash} that lives for the page, so a variable one block
 * sets ({@code TOKEN=...}) and the jobs one starts ({@code &}) are there for the next, as they are for a reader.
 * A block is sourced from its file with its input from {@code /dev/null}; an {@code ERR} trap (with
 * {@code pipefail}) marks each command that fails, with its status, its line in the block and the command.
 *
 * <p>Not thread-safe: one test thread drives it; a thread of its own reads its output.
 */
final class ExampleShell implements AutoCloseable {

    private static final String DONE = "<<<example-done ";
    private static final String FAILED = "<<<example-failed ";
    private static final String PID = "<<<example-pid ";

    private final Process bash;
    private final Writer input;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();

    ExampleShell(Path cwd, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "--norc", "--noprofile").directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        bash = builder.start();
        input = new OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // The shell ended.
            }
        }, "example-shell-output");
        reader.setDaemon(true);
        reader.start();
        type("set -o pipefail; trap '__rc=$?; printf \"\\n" + FAILED + "%s %s>>> %s\\n\" \"$__rc\" \"$LINENO\" \"$BASH_COMMAND\"' ERR");
    }

    /**
     * What running a block printed, and its failed commands.
     *
     * @param output   what it printed, the shell's markers left out
     * @param failures each failed command, in order
     */
    record Outcome(String output, List<Failure> failures) {
    }

    /**
     * A command of a block that failed.
     *
     * @param line    its line in the block, from 1; 0 for the block as a whole
     * @param status  its exit status
     * @param command the command as bash ran it
     */
    record Failure(int line, int status, String command) {
    }

    /** Sources {@code block} and waits (up to {@code timeout}) until it ends. */
    Outcome run(Path block, Duration timeout) throws IOException, InterruptedException {
        type("source '" + block + "' < /dev/null; printf '\\n" + DONE + ">>>\\n'");
        StringBuilder printed = new StringBuilder();
        List<Failure> failures = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = output.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                failures.add(new Failure(0, -1, "(the block did not end within " + timeout.toSeconds() + " s; a block that starts a server is marked"
                        + " <!-- example: server, ready URL -->)"));
                return new Outcome(printed.toString(), failures);
            }
            if (line.startsWith(DONE)) {
                return new Outcome(printed.toString(), failures);
            }
            if (line.startsWith(FAILED)) {
                String[] parts = line.substring(FAILED.length()).split(" ", 3);
                String command = parts.length > 2 ? parts[2] : "";
                if (!command.startsWith("source '" + block + "'")) {
                    failures.add(new Failure(Integer.parseInt(parts[1].replace(">>>", "")), Integer.parseInt(parts[0]), command));
                }
            } else if (!line.isEmpty()) {
                printed.append(line).append('\n');
            }
        }
    }

    /** Starts {@code block} in the background with its output to {@code log}, and answers the process running it. */
    ProcessHandle start(Path block, Path log) throws IOException, InterruptedException {
        type("( source '" + block + "' ) < /dev/null > '" + log + "' 2>&1 & printf '\\n" + PID + "%s>>>\\n' \"$!\"");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String line = output.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(PID)) {
                long pid = Long.parseLong(line.substring(PID.length()).replace(">>>", "").strip());
                return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("the background block ended at once; see " + log));
            }
        }
        throw new IllegalStateException("the shell did not start " + block);
    }

    /** The processes the shell started and left running (the jobs of its blocks, and theirs). */
    List<ProcessHandle> children() {
        return bash.descendants().toList();
    }

    private void type(String line) throws IOException {
        input.write(line + "\n");
        input.flush();
    }

    /** Stops what the shell left running, then the shell. */
    @Override
    public void close() throws InterruptedException {
        ExampleProcesses.stop(children());
        bash.destroy();
        if (!bash.waitFor(10, TimeUnit.SECONDS)) {
            bash.destroyForcibly();
        }
    }
}
