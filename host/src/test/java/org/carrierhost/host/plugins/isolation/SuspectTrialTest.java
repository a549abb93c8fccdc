package org.carrierhost.host.plugins.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.CarrierContext;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.ArchiveLimits;
import org.carrierhost.host.plugins.load.CrashJournal;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.load.GenerationLoader;
import org.carrierhost.host.plugins.load.PluginLoadException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A carrier whose crash-journal note outlived the host is a suspect: before it loads it is tried in a process of its
 * own, with real zips through real PF4J in a real child JVM. A plugin that halts its process in {@code start()} (out
 * of the bytecode screen's sight) ends the trial the same way and is quarantined, never loaded in the host; the mock,
 * whose note an outside kill left, passes and loads, the note cleared; and a trial whose JVM cannot even boot (a bad
 * option) proves nothing of the plugin, which is cleared, not quarantined.
 */
class SuspectTrialTest {

    private static final String HIDDEN_HALT = "exit 49";

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    private final List<CarrierEvent> events = new CopyOnWriteArrayList<>();
    private CrashJournal journal;
    private IsolatingLoader loader;
    private HostEvents hostEvents;

    @BeforeEach
    void wire() {
        hostEvents = new HostEvents();
        hostEvents.addListener(e -> {
            if (e instanceof CarrierEvent carrierEvent) {
                events.add(carrierEvent);
            }
        });
        journal = new CrashJournal(data);
        CarrierConfig none = new CarrierConfig(Map.of());
        GenerationLoader inHost = new GenerationLoader(data.resolve("plugins-work"), ArchiveLimits.defaults(),
                Duration.ofSeconds(10), Duration.ofSeconds(5),
                (id, local) -> CarrierContext.of(id, none, data.resolve("carriers").resolve(id), Optional.empty()), journal);
        loader = new IsolatingLoader(inHost, data.resolve("plugins-work"), id -> none, id -> data.resolve("carriers").resolve(id),
                null, "in_process", Duration.ofSeconds(10), Duration.ofSeconds(5), hostEvents);
    }

    @Test
    void aSuspectWhoseTrialProcessHaltsInStartIsQuarantinedNamingTheCallAndTheExitAndNeverLoadsInTheHost() throws Exception {
        Path zip = TestPlugins.hostile(plugins, "hidden", "HiddenHaltInStartCarrier");
        hostDiedInside("hidden", "start()");

        PluginLoadException refused = assertThrows(PluginLoadException.class, () -> loader.load(loader.inspect(zip)));

        assertEquals(PluginFailure.Kind.QUARANTINED, refused.failure().kind(), refused.getMessage());
        String reason = journal.quarantined("hidden").orElseThrow();
        assertEquals("the host stopped while calling start() of hidden, and a trial in a process of its own ended the same way ("
                + HIDDEN_HALT + ")" + CrashJournal.QUARANTINED, reason);
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        assertEquals(Optional.empty(), journal.suspected("hidden"), "the trial ended the suspicion");
        assertTrue(events.stream().anyMatch(e -> e.action() == CarrierAction.QUARANTINE && reason.equals(e.error())), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.action() == CarrierAction.TRIAL && !e.succeeded()), events.toString());
    }

    @Test
    void aSuspectWhoseTrialStartsAndStopsIsClearedAndLoadsAndOnlyASuspectIsTried() throws Exception {
        Path zip = TestPlugins.copyMock(plugins);
        hostDiedInside("mock", "start()");

        Generation first = loader.load(loader.inspect(zip));
        first.retire(Duration.ofSeconds(5));

        assertEquals(Optional.empty(), journal.quarantined("mock"));
        assertEquals(Optional.empty(), journal.suspected("mock"));
        List<CarrierEvent> trials = events.stream().filter(e -> e.action() == CarrierAction.TRIAL).toList();
        assertEquals(1, trials.size(), events.toString());
        assertTrue(trials.get(0).succeeded(), trials.toString());
        assertTrue(trials.get(0).target().startsWith("mock: the note of start() was cleared by a trial in a process of its own"),
                trials.toString());

        loader.load(loader.inspect(zip)).retire(Duration.ofSeconds(5));
        assertEquals(1, events.stream().filter(e -> e.action() == CarrierAction.TRIAL).count(), "no suspect, no trial");
    }

    @Test
    void aSuspectWhoseTrialProcessCannotEvenBootIsClearedNotQuarantined() {
        hostDiedInside("mock", "start()");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+NoSuchOptionOfTheTrial", "-cp", System.getProperty("java.class.path"), CarrierProcessMain.class.getName());
        ProcessLaunch cannotBoot = new ProcessLaunch("mock", command, data.resolve("trial-work"), Frames.message(),
                Duration.ofSeconds(30), null);

        new SuspectTrial(journal, Duration.ofSeconds(5), hostEvents).before("mock", () -> cannotBoot);

        assertEquals(Optional.empty(), journal.quarantined("mock"), "a JVM that did not boot is no end of the plugin's");
        assertEquals(Optional.empty(), journal.suspected("mock"));
        List<CarrierEvent> trials = events.stream().filter(e -> e.action() == CarrierAction.TRIAL).toList();
        assertEquals(1, trials.size(), events.toString());
        assertTrue(trials.get(0).succeeded(), trials.toString());
        assertTrue(trials.get(0).target().contains("the carrier's process did not boot (exit 1)"), trials.toString());
        assertTrue(events.stream().noneMatch(e -> e.action() == CarrierAction.QUARANTINE), events.toString());
    }

    /** What a host killed inside {@code call} of carrier {@code id} leaves, as the next host's start reads it. */
    private void hostDiedInside(String id, String call) {
        journal.enter(id, call); // never closed: the host died inside the call
        assertEquals(List.of(new CrashJournal.Suspect(id, call)), journal.recover());
        assertEquals(Optional.of(call), journal.suspected(id));
    }
}
