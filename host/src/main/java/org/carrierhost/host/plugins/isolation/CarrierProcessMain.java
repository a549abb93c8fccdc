package org.carrierhost.host.plugins.isolation;

import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.host.plugins.load.CrashJournal;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.load.GenerationLoader;
import org.carrierhost.host.plugins.load.PluginArchive;
import org.carrierhost.host.plugins.load.PluginLoadException;
import org.carrierhost.host.plugins.load.TimeBox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code main} of a carrier's own process. It first says it booted, before any of the plugin's code is loaded;
 * its first message on stdin says which zip to load, where, and with
 * which settings (the carrier's own section, nothing of the host's); it loads the zip with the host's own
 * {@link GenerationLoader} (the same screen, limits and descriptor checks), answers what the carrier declared, then
 * serves each call message on a thread of its own and answers on stdout, its threads counted against
 * {@link ThreadLimit}. The plugin's {@code System.out} is
 * stderr, so nothing it prints can break the channel. When the host closes stdin, the process ends.
 *
 * <p>Thread-safe: one reader thread; calls run on their own threads and write whole frames.
 */
public final class CarrierProcessMain {

    private static final TypeReference<Map<String, String>> SECTION = new TypeReference<>() {
    };

    private final Frames frames;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "carrier-process-call");
        t.setDaemon(true);
        return t;
    });
    private final HostInventory inventory;
    private Generation generation;

    private CarrierProcessMain(Frames frames) {
        this.frames = frames;
        this.inventory = new HostInventory(frames);
    }

    /** Runs the carrier process; it takes no arguments, everything comes in the first message. */
    public static void main(String[] args) {
        FileOutputStream channel = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        CarrierProcessMain main = new CarrierProcessMain(new Frames(new FileInputStream(FileDescriptor.in), channel));
        int status = 0;
        try {
            main.run();
        } catch (EOFException e) {
            // The host closed the channel: it stopped us, or it is gone. Either way, end.
        } catch (IOException | RuntimeException e) {
            System.err.println("carrier process: " + e);
            status = 3;
        }
        Runtime.getRuntime().halt(status);
    }

    private void run() throws IOException {
        // Before anything of the plugin runs: an end before this frame is the JVM's, not the plugin's.
        ObjectNode booted = Frames.message();
        booted.put("booted", true);
        frames.write(booted);
        ObjectNode init = frames.read();
        ThreadLimit.watch(init.path("maxThreads").asInt());
        ObjectNode ready = Frames.message();
        try {
            generation = load(init);
            CarrierExtension carrier = generation.extension();
            ready.put("ready", true);
            ready.put("id", generation.id());
            ready.put("version", generation.version());
            ready.put("description", generation.description());
            ready.put("provider", generation.provider());
            ready.put("local", generation.local());
            ready.put("cnam", generation.cnam());
            ready.set("settings", Wire.settings(generation.declaredSettings().declared()));
            ready.put("reserves", carrier.reservesNumbers());
            ready.put("lists", carrier.listsInventory());
            ready.set("capabilities", Frames.JSON.valueToTree(carrier.capabilities()));
        } catch (PluginLoadException e) {
            ready.put("ready", false);
            ready.put("message", e.failure().message());
            ready.put("cause", e.failure().cause());
        }
        ready.put("pid", ProcessHandle.current().pid());
        frames.write(ready);
        if (generation == null) {
            return;
        }
        while (true) {
            ObjectNode message = frames.read();
            if (message.has("answer")) {
                inventory.answered(message);
            } else if ("ping".equals(message.path("op").asText())) {
                // Answered here, not by plugin code: it says the process is alive and reading, nothing more.
                ObjectNode pong = Frames.message();
                pong.put("reply", message.path("call").asLong());
                frames.write(pong);
            } else if ("stop".equals(message.path("op").asText())) {
                generation.retire(Duration.ofMillis(init.path("stopMs").asLong()));
                ObjectNode stopped = Frames.message();
                stopped.put("reply", message.path("call").asLong());
                frames.write(stopped);
                return;
            } else {
                calls.execute(() -> serve(message));
            }
        }
    }

    private Generation load(ObjectNode init) throws PluginLoadException {
        JsonNode limits = init.path("limits");
        org.carrierhost.host.plugins.load.ArchiveLimits archiveLimits = new org.carrierhost.host.plugins.load.ArchiveLimits(
                limits.path("maxZipBytes").asLong(), limits.path("maxEntries").asInt(), limits.path("maxUnpackedBytes").asLong(),
                limits.path("maxRatio").asInt());
        Path work = Path.of(init.path("work").asText());
        Path data = Path.of(init.path("data").asText());
        CarrierConfig section = new CarrierConfig(Frames.JSON.convertValue(init.path("section"), SECTION));
        GenerationLoader loader = new GenerationLoader(work, archiveLimits, Duration.ofMillis(init.path("startMs").asLong()),
                Duration.ofMillis(init.path("stopMs").asLong()),
                (id, local) -> CarrierContext.of(id, section, data, local ? Optional.of(inventory) : Optional.empty()),
                new CrashJournal(work));
        return loader.load(PluginArchive.inspect(Path.of(init.path("zip").asText()), archiveLimits));
    }

    private void serve(ObjectNode message) {
        ObjectNode reply = Frames.message();
        reply.put("reply", message.path("call").asLong());
        try {
            reply.set("value", CarrierOps.serve(generation.extension(), message));
        } catch (CarrierException e) {
            reply.set("error", Wire.error(e));
        } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
            reply.put("fault", TimeBox.describe(e));
        }
        try {
            frames.write(reply);
        } catch (IOException e) {
            // The host is gone; the reader sees the end too.
        }
    }
}
