package org.carrierhost.host.plugins.isolation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.carrierhost.api.NumberInventory;
import org.carrierhost.host.plugins.load.PluginLoadException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How to start one carrier's process, again and again: its command, its working directory, its first message
 * (the zip, the carrier's own settings, the limits) and how long it may take to say it started.
 *
 * <p>Thread-safe: immutable; each start sends a copy of the first message.
 *
 * @param inventory the host's inventory for a local carrier's questions; null for none
 */
record ProcessLaunch(String id, List<String> command, Path workDir, ObjectNode init, Duration handshake,
                     NumberInventory inventory) {

    ProcessLaunch {
        command = List.copyOf(command);
        init = init.deepCopy();
    }

    /** Starts a process; {@code onEnd} hears how it ended, unless it ended while starting. */
    CarrierProcess start(java.util.function.BiConsumer<CarrierProcess, ProcessEnd> onEnd) throws PluginLoadException {
        CarrierProcess[] started = new CarrierProcess[1];
        java.util.concurrent.CompletableFuture<CarrierProcess> self = new java.util.concurrent.CompletableFuture<>();
        started[0] = CarrierProcess.start(id, command, workDir, init.deepCopy(), handshake, inventory,
                end -> self.thenAccept(process -> onEnd.accept(process, end)));
        self.complete(started[0]);
        return started[0];
    }
}
