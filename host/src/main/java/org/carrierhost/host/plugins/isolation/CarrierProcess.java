package org.carrierhost.host.plugins.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberInventory;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.host.plugins.load.PluginLoadException;
import org.carrierhost.host.plugins.load.PluginPool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One running carrier process, seen from the host: the channel to it, the calls waiting for their answers, and
 * its stderr ({@link StderrTail}: the last lines kept, all logged at debug). When the process ends, for
 * any reason, every call waiting answers {@code carrier_unavailable} "carrier process ended (exit N)" at once, and
 * {@code onEnd} hears how it ended.
 *
 * <p>Thread-safe: calls are numbered atomically and wait on their own futures; one thread reads the channel and
 * one drains stderr.
 */
final class CarrierProcess {

    /** The status of a process {@code destroyForcibly} ended: 128 plus SIGKILL's 9. */
    private static final int KILLED = 137;

    private final String carrierId;
    private final Process process;
    private final Frames frames;
    private final NumberInventory inventory;
    private final AtomicLong calls = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final StderrTail stderr;
    private final CompletableFuture<ProcessEnd> end = new CompletableFuture<>();
    private volatile ObjectNode ready;
    private volatile String killedFor;

    private CarrierProcess(String carrierId, Process process, NumberInventory inventory) {
        this.carrierId = carrierId;
        this.process = process;
        this.inventory = inventory;
        this.frames = new Frames(process.getInputStream(), process.getOutputStream());
        this.stderr = new StderrTail(carrierId, process);
    }

    /**
     * Starts the process {@code command} in {@code workDir} with no environment but {@code PATH}, sends it
     * {@code init} and waits up to {@code handshake} for it to say the carrier started.
     *
     * @param inventory the host's inventory, answered to a local carrier's questions; null for none
     * @param onEnd     told once how the process ended, unless it ended during this start
     * @throws PluginLoadException why the carrier did not start, with its process's last stderr lines
     */
    static CarrierProcess start(String carrierId, List<String> command, Path workDir, ObjectNode init, Duration handshake,
                                NumberInventory inventory, Consumer<ProcessEnd> onEnd) throws PluginLoadException {
        Process process;
        try {
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
            // No host secret passes by the environment: the child gets a PATH and nothing else.
            String path = builder.environment().getOrDefault("PATH", "/usr/bin:/bin");
            builder.environment().clear();
            builder.environment().put("PATH", path);
            process = builder.start();
        } catch (IOException e) {
            throw new PluginLoadException("cannot start the carrier's process", e);
        }
        CarrierProcess child = new CarrierProcess(carrierId, process, inventory);
        child.stderr.start();
        ObjectNode ready;
        java.util.concurrent.atomic.AtomicBoolean booted = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            child.frames.write(init);
            ready = CompletableFuture.supplyAsync(() -> {
                try {
                    ObjectNode first = child.frames.read();
                    if (!first.path("booted").asBoolean()) {
                        throw new IOException("the carrier's process spoke before it booted: " + first);
                    }
                    booted.set(true);
                    return child.frames.read();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, PluginPool.EXECUTOR).get(handshake.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            ProcessEnd ended = child.kill();
            if (e instanceof TimeoutException) {
                throw new PluginLoadException("the carrier's process did not start within " + handshake.toMillis() + " ms",
                        ended.stderrTail());
            }
            if (!booted.get()) {
                // Its JVM did not come up (a bad option, no memory): nothing of the plugin ran, so this is not its end.
                throw new PluginLoadException("the carrier's process did not boot (" + ended.status() + ")", ended.stderrTail());
            }
            PluginLoadException failure = new PluginLoadException("the carrier's process ended while starting ("
                    + ended.status() + ")", ended.stderrTail());
            failure.initCause(new EndedWhileStarting(ended));
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.kill();
            throw new PluginLoadException("interrupted while the carrier's process started", (String) null);
        }
        if (!ready.path("ready").asBoolean()) {
            child.kill();
            throw new PluginLoadException(ready.path("message").asText("the carrier did not start"), Wire.text(ready, "cause"));
        }
        child.ready = ready;
        child.end.thenAccept(onEnd);
        Thread reader = new Thread(child::readAnswers, "carrier-process-" + carrierId + "-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    /** What the carrier said when it started: its version, whether local, its declared settings and so on. */
    ObjectNode ready() {
        return ready;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return !end.isDone() && process.isAlive();
    }

    /** Its resident memory now in KiB, from {@code /proc}; -1 where that cannot be read. */
    long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or it just ended.
        }
        return -1;
    }

    /**
     * Sends {@code message} as call and waits for its value.
     *
     * @throws CarrierException the carrier's own error; {@code carrier_unavailable} when the process ended
     * @throws IllegalStateException when the carrier failed otherwise (a bug in it): answered as a plugin fault
     */
    JsonNode call(ObjectNode message) throws CarrierException {
        long number = calls.incrementAndGet();
        message.put("call", number);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(number, answer);
        try {
            if (end.isDone()) {
                throw ended(end.getNow(null));
            }
            frames.write(message);
            JsonNode reply = answer.get();
            if (reply.has("error")) {
                throw Wire.error(reply.path("error"));
            }
            if (reply.has("fault")) {
                throw new IllegalStateException(reply.path("fault").asText());
            }
            return reply.path("value");
        } catch (IOException e) {
            throw ended(end.getNow(null));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CarrierException ce) {
                throw ce;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException(ErrorCode.TIMEOUT, "interrupted", "the call was cancelled at its deadline");
        } finally {
            waiting.remove(number);
        }
    }

    /**
     * Asks the carrier to stop and the process to end within {@code limit}; what is left then is killed, its own
     * children first.
     *
     * @return how it ended
     */
    ProcessEnd stop(Duration limit) {
        // Taken before it ends: once it has, its children are no longer known as its own.
        List<ProcessHandle> children = process.descendants().toList();
        try {
            return stopOnly(limit);
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private ProcessEnd stopOnly(Duration limit) {
        ObjectNode stop = Frames.message();
        stop.put("op", "stop");
        stop.put("call", calls.incrementAndGet());
        try {
            frames.write(stop);
            if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return awaitEnd();
            }
        } catch (IOException e) {
            // Already gone.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return kill();
    }

    /**
     * Sends a heartbeat, which the process answers from its reader thread, not from plugin code; a process that does
     * not answer within {@code limit} (frozen, stopped, thrashing) is killed, and its end says why.
     *
     * @return whether it answered
     */
    boolean heartbeat(Duration limit) {
        if (!alive()) {
            return false;
        }
        long number = calls.incrementAndGet();
        ObjectNode ping = Frames.message();
        ping.put("op", "ping");
        ping.put("call", number);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(number, answer);
        try {
            // Written on another thread: a frozen process with a full pipe would block the writer.
            PluginPool.EXECUTOR.execute(() -> {
                try {
                    frames.write(ping);
                } catch (IOException e) {
                    answer.completeExceptionally(e);
                }
            });
            answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            killedFor = "no answer to its heartbeat within " + limit.toMillis() + " ms";
            kill();
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.remove(number);
        }
    }

    /** Kills the process and whatever it started, and answers how it ended. */
    ProcessEnd kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return awaitEnd();
    }

    private ProcessEnd awaitEnd() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Closing a dead pipe.
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        // An exit of its own (the thread limit's, say) that beat the host's kill is that exit, not the kill's.
        String why = exit < 0 || exit == KILLED ? killedFor : null;
        ProcessEnd ended = new ProcessEnd(exit, stderr.lastLines(), why);
        end.complete(ended);
        failWaiting(ended);
        return end.getNow(ended);
    }

    private void readAnswers() {
        try {
            while (true) {
                ObjectNode message = frames.read();
                if (message.has("ask")) {
                    PluginPool.EXECUTOR.execute(() -> answer(message));
                    continue;
                }
                CompletableFuture<JsonNode> answer = waiting.get(message.path("reply").asLong());
                if (answer != null) {
                    answer.complete(message);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The channel ended: the process did, or it wrote what is no frame. Either way it is over.
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stderr.awaitDrained();
        awaitEnd();
    }

    /** Answers a local carrier's question about the host's inventory. */
    private void answer(ObjectNode ask) {
        ObjectNode answer = Frames.message();
        answer.put("answer", ask.path("ask").asLong());
        try {
            if (inventory == null) {
                throw new IllegalStateException("this carrier has no inventory");
            }
            List<NumberRecord> records = "taken".equals(ask.path("op").asText())
                    ? inventory.findTaken(carrierId, ask.path("offset").asInt(), ask.path("limit").asInt())
                    : inventory.findAvailable(carrierId, ask.path("prefix").asText(), ask.path("offset").asInt(),
                    ask.path("limit").asInt());
            ArrayNode value = answer.putArray("value");
            records.forEach(r -> value.add(Wire.record(r)));
        } catch (RuntimeException e) {
            answer.put("error", e.toString());
        }
        try {
            frames.write(answer);
        } catch (IOException ignored) {
            // The process ended; its end is handled by the reader.
        }
    }

    private void failWaiting(ProcessEnd ended) {
        for (CompletableFuture<JsonNode> answer : List.copyOf(waiting.values())) {
            answer.completeExceptionally(ended(ended));
        }
    }

    private CarrierException ended(ProcessEnd ended) {
        String status = ended == null ? "ending" : ended.status();
        return new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "carrier process ended (" + status + ")",
                ended == null ? null : lastLine(ended));
    }

    /**
     * The cause of a start's failure when the process ended by itself while starting, after its JVM booted (not
     * killed by the host at the handshake's deadline), with how it ended.
     */
    static final class EndedWhileStarting extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient ProcessEnd end;

        EndedWhileStarting(ProcessEnd end) {
            super(end.status(), null, false, false);
            this.end = end;
        }

        ProcessEnd end() {
            return end;
        }
    }

    private static String lastLine(ProcessEnd ended) {
        return ended.stderr().isEmpty() ? null : ended.stderr().get(ended.stderr().size() - 1);
    }
}
