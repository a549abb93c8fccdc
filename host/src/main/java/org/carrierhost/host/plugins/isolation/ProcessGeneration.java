package org.carrierhost.host.plugins.isolation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.CarrierExtension;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.config.DeclaredSettings;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.CallsInFlight;
import org.carrierhost.host.plugins.load.CrashJournal;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.load.PluginArchive;
import org.carrierhost.host.plugins.load.PluginLoadException;
import org.carrierhost.host.plugins.ProcessFacts;
import org.carrierhost.host.plugins.load.Retirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One version of a carrier running in a process of its own, as the lifecycle serves it: its extension is a
 * {@link RemoteCarrier}. It supervises its process as OTP does a worker: a process that ends without being asked
 * (an exit, a halt, a kill, a crash of its JVM) fails the calls waiting on it at once, and is started again after a
 * backoff that doubles per crash; {@code crash_limit} ends within {@code crash_window_ms} hand the carrier to the
 * lifecycle's quarantine instead, with the last status and stderr lines as the reason. Retiring it drains its
 * calls, asks the carrier to stop, and kills what is left of the process.
 *
 * <p>Thread-safe: the process serving is a volatile field, changed under this object's monitor; calls count in
 * and out atomically.
 */
public final class ProcessGeneration implements Generation {

    private static final Logger log = LoggerFactory.getLogger(ProcessGeneration.class);

    private final PluginArchive archive;
    private final ProcessLaunch launch;
    private final IsolationSettings settings;
    private final Quarantine quarantine;
    private final HostEvents events;
    private final Duration stopLimit;
    private final ObjectNode ready;
    private final DeclaredSettings declared;
    private final List<String> missing;
    private final RemoteCarrier extension;
    private final CallsInFlight inFlight = new CallsInFlight();
    private final Deque<Instant> crashes = new ArrayDeque<>();
    private volatile CarrierProcess current;
    private volatile ProcessEnd lastEnd;
    private volatile int restarts;
    private volatile Thread heartbeat;

    /** Where a carrier whose process keeps crashing is quarantined: the lifecycle. */
    @FunctionalInterface
    public interface Quarantine {

        /** Quarantines {@code generation}'s carrier for {@code failure}, if it still serves. */
        void quarantine(Generation generation, PluginFailure failure);
    }

    private ProcessGeneration(PluginArchive archive, ProcessLaunch launch, IsolationSettings settings, Quarantine quarantine,
                              HostEvents events, Duration stopLimit, CarrierProcess first, List<String> missing) {
        this.archive = archive;
        this.launch = launch;
        this.settings = settings;
        this.quarantine = quarantine;
        this.events = events;
        this.stopLimit = stopLimit;
        this.ready = first.ready();
        this.declared = new DeclaredSettings(ready.path("id").asText(), Wire.settings(ready.path("settings")));
        this.missing = List.copyOf(missing);
        this.extension = new RemoteCarrier(this, ready);
        this.current = first;
    }

    /**
     * Starts the carrier's first process and waits for it to say the carrier started.
     *
     * @param missing the declared required settings its section lacks, given what it declared
     * @throws PluginLoadException why it did not start, as the loader in its process said it
     */
    static ProcessGeneration start(PluginArchive archive, ProcessLaunch launch, IsolationSettings settings,
                                   Quarantine quarantine, HostEvents events, Duration stopLimit,
                                   java.util.function.Function<DeclaredSettings, List<String>> missing)
            throws PluginLoadException {
        ProcessGeneration[] made = new ProcessGeneration[1];
        java.util.concurrent.CompletableFuture<ProcessGeneration> self = new java.util.concurrent.CompletableFuture<>();
        CarrierProcess first = launch.start((process, end) -> self.thenAccept(g -> g.ended(process, end)));
        if (!launch.id().equals(first.ready().path("id").asText())) {
            first.kill();
            throw new PluginLoadException("the zip holds plugin " + first.ready().path("id").asText() + ", not " + launch.id(),
                    (String) null);
        }
        DeclaredSettings declared = new DeclaredSettings(launch.id(), Wire.settings(first.ready().path("settings")));
        made[0] = new ProcessGeneration(archive, launch, settings, quarantine, events, stopLimit, first, missing.apply(declared));
        self.complete(made[0]);
        made[0].beat();
        return made[0];
    }

    @Override
    public String id() {
        return launch.id();
    }

    @Override
    public String version() {
        return ready.path("version").asText();
    }

    @Override
    public String description() {
        return Wire.text(ready, "description");
    }

    @Override
    public String provider() {
        return Wire.text(ready, "provider");
    }

    @Override
    public PluginArchive archive() {
        return archive;
    }

    @Override
    public boolean local() {
        return ready.path("local").asBoolean();
    }

    @Override
    public boolean cnam() {
        return ready.path("cnam").asBoolean();
    }

    @Override
    public DeclaredSettings declaredSettings() {
        return declared;
    }

    @Override
    public List<String> missingSettings() {
        return missing;
    }

    @Override
    public Optional<ProcessFacts> process() {
        CarrierProcess serving = current;
        ProcessEnd ended = lastEnd;
        return Optional.of(new ProcessFacts(serving == null ? -1 : serving.pid(), restarts,
                serving == null ? -1 : serving.rssKib(), ended == null ? null : ended.status()));
    }

    /** The host's own loader: nothing of the plugin is loaded in the host. */
    @Override
    public ClassLoader classLoader() {
        return ProcessGeneration.class.getClassLoader();
    }

    @Override
    public CarrierExtension extension() {
        return extension;
    }

    @Override
    public boolean enter() {
        return inFlight.enter();
    }

    @Override
    public void leave() {
        inFlight.leave();
    }

    @Override
    public int callsInFlight() {
        return inFlight.count();
    }

    /**
     * Asks the process serving whether it is alive every {@code heartbeat_ms}, until it retires; one that does not
     * answer within that is killed, and its end counted as a crash.
     */
    private void beat() {
        Thread t = new Thread(() -> {
            while (!inFlight.retiring()) {
                try {
                    Thread.sleep(settings.heartbeat().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                CarrierProcess serving = current;
                if (serving != null && !inFlight.retiring()) {
                    serving.heartbeat(settings.heartbeat());
                }
            }
        }, "carrier-heartbeat-" + id());
        t.setDaemon(true);
        heartbeat = t;
        t.start();
    }

    /** The process serving now, or {@code carrier_unavailable} at once while it is started again. */
    CarrierProcess serving() throws CarrierException {
        CarrierProcess serving = current;
        if (serving == null || !serving.alive()) {
            ProcessEnd ended = lastEnd;
            throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "carrier process ended ("
                    + (ended == null ? "ending" : ended.status()) + "); it is being started again",
                    ended == null ? null : ended.stderrTail());
        }
        return serving;
    }

    @Override
    public Retirement retire(Duration drain) {
        boolean drained = inFlight.drain(drain);
        Thread beating = heartbeat;
        if (beating != null) {
            // It would otherwise sleep out its heartbeat before it saw the retirement.
            beating.interrupt();
        }
        CarrierProcess serving;
        synchronized (this) {
            serving = current;
            current = null;
        }
        PluginFailure stop = null;
        if (serving != null) {
            long began = System.nanoTime();
            // The child has the stop limit for each of its carrier's stop, its unload and its threads' sweep.
            Duration wait = stopLimit.multipliedBy(3).plusSeconds(1);
            ProcessEnd ended = serving.stop(wait);
            if (ended.exitCode() != 0) {
                stop = PluginFailure.now("the carrier's process did not stop within " + wait.toMillis()
                        + " ms and was killed", ended.status() + " after " + (System.nanoTime() - began) / 1_000_000 + " ms");
            }
        }
        PluginArchive.deleteQuietly(launch.workDir());
        if (!drained) {
            log.warn("{} {}: calls still running after the drain of {} ms; its process ended anyway", id(), version(),
                    drain.toMillis());
        }
        return new Retirement(stop, null, null, List.of());
    }

    /** A process of this generation ended: unless it was asked to, it is started again, or the carrier quarantined. */
    private void ended(CarrierProcess process, ProcessEnd end) {
        synchronized (this) {
            if (inFlight.retiring() || process != current) {
                return;
            }
            current = null;
        }
        log.warn("{} {}: its process {} ended ({})", id(), version(), process.pid(), end.status());
        crashed(end);
    }

    /** Counts a crash in the window, then starts the process again after the backoff, or quarantines the carrier. */
    private void crashed(ProcessEnd end) {
        int inWindow;
        synchronized (this) {
            lastEnd = end;
            Instant now = Instant.now();
            crashes.addLast(now);
            while (!crashes.isEmpty() && crashes.peekFirst().isBefore(now.minus(settings.crashWindow()))) {
                crashes.removeFirst();
            }
            inWindow = crashes.size();
        }
        if (inWindow >= settings.crashLimit()) {
            String reason = "crashed " + inWindow + " times: " + end.status() + CrashJournal.QUARANTINED;
            Thread t = new Thread(() -> quarantine.quarantine(this, PluginFailure.quarantined(reason, end.stderrTail())),
                    "carrier-quarantine-" + id());
            t.setDaemon(true);
            t.start();
            return;
        }
        Duration wait = settings.backoffAfter(inWindow);
        events.publish(CarrierEvent.failed("supervisor", CarrierAction.RESTART, id() + " " + version(),
                "carrier process ended (" + end.status() + "); started again in " + wait.toMillis() + " ms"));
        Thread t = new Thread(() -> restartAfter(wait), "carrier-restart-" + id());
        t.setDaemon(true);
        t.start();
    }

    private void restartAfter(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        if (inFlight.retiring()) {
            return;
        }
        CarrierProcess next;
        try {
            next = launch.start(this::ended);
        } catch (PluginLoadException e) {
            if (!inFlight.retiring()) {
                crashed(new ProcessEnd(-1, List.of(e.failure().describe())));
            }
            return;
        }
        synchronized (this) {
            if (inFlight.retiring()) {
                next.kill();
                return;
            }
            current = next;
            restarts++;
        }
        if (!next.alive()) {
            // It ended before it was the one serving, so its end was not heard: hear it now.
            ended(next, next.kill());
        }
    }
}
