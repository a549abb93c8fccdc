package org.carrierhost.host.plugins.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.carrierhost.host.config.TrustSettings;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.events.CarrierStateChanged;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.plugins.call.BreakerSettings;
import org.carrierhost.host.plugins.source.DropInDirectory;
import org.carrierhost.host.plugins.source.OperatorFiles;
import org.carrierhost.host.plugins.trust.ZipVerifier;

/**
 * The lifecycle on its own: a carrier table, a {@link FakeLoader}, a state store in memory and a cluster
 * link that only records what it is told; no HTTP, no watcher, no database. What each test reads: the
 * transitions raised, the steps logged, what the other hosts were told.
 */
class LifecycleRig {

    final Path plugins;
    final Path installDir;
    final Path removedDir;
    final HostEvents events = new HostEvents();
    final CarrierTable table = new CarrierTable(id -> BreakerSettings.DEFAULTS, events);
    final FakeLoader loader = new FakeLoader();
    final Store store = new Store();
    final Link link = new Link();
    final List<CarrierStateChanged> changes = new CopyOnWriteArrayList<>();
    final List<CarrierEvent> steps = new CopyOnWriteArrayList<>();
    final CarrierLifecycle lifecycle;
    final DropInFeed feed;

    LifecycleRig(Path root) {
        plugins = root.resolve("plugins");
        installDir = root.resolve("data").resolve("cluster-plugins");
        removedDir = root.resolve("data").resolve("removed");
        try {
            Files.createDirectories(plugins);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lifecycle = new CarrierLifecycle(new OperatorFiles(installDir, removedDir), loader, table, store, events, Duration.ZERO, link,
                new ZipVerifier(TrustSettings.OFF), InstanceBook.NONE);
        feed = new DropInFeed(lifecycle, table, new DropInDirectory(plugins, events));
        events.addListener(e -> {
            if (e instanceof CarrierStateChanged c) {
                changes.add(c);
            } else if (e instanceof CarrierEvent c) {
                steps.add(c);
            }
        });
    }

    /** Drops a zip of {@code id} at {@code version} into the plugins directory. */
    Path drop(String id, String version) {
        return FakeLoader.zip(plugins.resolve("carrier-" + id + "-" + version + ".zip"), id, version);
    }

    /** Carrier {@code id}'s state; GONE when it is not in the table. */
    CarrierState state(String id) {
        return table.existing(id).map(CarrierSlot::state).orElse(CarrierState.GONE);
    }

    /** The transitions raised, as {@code "id FROM -> TO"}. */
    List<String> transitions() {
        return changes.stream().map(c -> c.carrier() + " " + c.from() + " -> " + c.to()).toList();
    }

    /** The steps logged, as {@code "action[:failed]"}. */
    List<String> stepNames() {
        return steps.stream().map(e -> e.action().wireName() + (e.succeeded() ? "" : ":failed")).toList();
    }

    /** Forgets what was raised and told so far. */
    void clear() {
        changes.clear();
        steps.clear();
        link.told.clear();
    }

    /** A state store in memory. */
    static final class Store implements CarrierStateStore {

        final Map<String, Boolean> flags = new ConcurrentHashMap<>();

        @Override
        public boolean isEnabled(String id) {
            return flags.getOrDefault(id, true);
        }

        @Override
        public void setEnabled(String id, boolean enabled, String actor) {
            flags.put(id, enabled);
        }

        @Override
        public Map<String, Boolean> all() {
            return Map.copyOf(flags);
        }
    }

    /** A cluster link that records what the other hosts are told, as {@code "action id"}. */
    static final class Link implements ClusterLink {

        final List<String> told = new CopyOnWriteArrayList<>();

        @Override
        public void changed(String id, CarrierAction action, String actor) {
            told.add(action.wireName() + " " + id);
        }

        @Override
        public void installed(String id, String version, String sha256, byte[] zip, byte[] signature, String actor) {
            told.add("install " + id + " " + version);
        }
    }
}
