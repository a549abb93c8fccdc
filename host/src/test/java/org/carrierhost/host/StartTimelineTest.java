package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start's timeline: each phase takes the time since the one before, and the summary adds them up. */
class StartTimelineTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void eachPhaseTakesTheTimeSinceTheOneBeforeIt() throws Exception {
        StartTimeline timeline = StartTimeline.fromNow();
        Thread.sleep(30);
        timeline.mark("first");
        timeline.mark("second");

        List<StartTimeline.Phase> phases = timeline.phases();
        assertEquals(List.of("first", "second"), phases.stream().map(StartTimeline.Phase::name).toList());
        assertTrue(phases.get(0).millis() >= 30, "first: " + phases.get(0));
        assertTrue(phases.get(1).millis() < phases.get(0).millis(), "second: " + phases.get(1));
    }

    @Test
    void theSummaryAddsThePhasesUpAndSaysTheNotesAfterThem() {
        StartTimeline host = StartTimeline.fromNow();
        host.mark("carriers");
        host.note("the database opened on its own thread");
        StartTimeline main = StartTimeline.fromNow();
        main.mark("settings");
        main.append(host);

        long total = main.phases().stream().mapToLong(StartTimeline.Phase::millis).sum();
        assertEquals("started in " + total + " ms: settings " + main.phases().get(0).millis() + " ms, carriers "
                + main.phases().get(1).millis() + " ms; the database opened on its own thread", main.summary());
    }

    @Test
    void aTimelineSinceTheLaunchBeginsWithTheProcesssOwnStart() {
        StartTimeline timeline = StartTimeline.sinceLaunch("JVM to main");

        assertEquals("JVM to main", timeline.phases().get(0).name());
        assertTrue(timeline.phases().get(0).millis() > 0, "this JVM started before the test: " + timeline.phases());
        assertTrue(timeline.summary().contains(" after the process's launch: JVM to main "), timeline.summary());
    }

    @Test
    void theProcesssAgeIsTheJvmsUptimeAndTheLittleBeforeIt() {
        long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        long age = StartTimeline.processAge().orElseThrow().toMillis();

        // /proc counts in 10 ms ticks; the JVM's own clock starts a little after the process's launch.
        assertTrue(age >= uptime - 20 && age < uptime + 2000, "age " + age + " ms, the JVM's uptime " + uptime + " ms");
    }

    @Test
    void aHostStartedInProcessSaysWhereItsStartWent() throws Exception {
        try (CarrierHost host = TestHosts.start(dir.resolve("plugins"), dir.resolve("data"), new java.util.HashMap<>(Map.of()))) {
            List<String> names = host.startTimeline().phases().stream().map(StartTimeline.Phase::name).toList();
            assertEquals(List.of("checks and port", "trust keyring", "waiting for the database", "registry and recovery",
                    "carriers loaded and started", "cluster and number desk", "routes and serving"), names);
            assertTrue(host.startTimeline().summary().contains("the database opened in "), host.startTimeline().summary());
        }
    }
}
