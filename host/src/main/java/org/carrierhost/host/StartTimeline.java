package org.carrierhost.host;

import java.time.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a start spent its time, phase by phase, from the launch of its process to the first request it can serve:
 * the host logs it as one line once it listens ({@code started in 812 ms after the process's launch: ...}), so an
 * operator sees what a slow start waited for, and the benchmarks read the same line (BENCHMARKS.md, start to ready).
 * The process's launch is that of the launcher script, which execs the JVM in the same process.
 *
 * <p>Not thread-safe: confined to the thread that starts the host, which marks each phase as it ends.
 *
 * @see CarrierHost#startTimeline()
 */
final class StartTimeline {

    /**
     * One phase of a start.
     *
     * @param name   what was done, in a few words
     * @param millis how long it took
     */
    record Phase(String name, long millis) {
        @Override
        public String toString() {
            return name + " " + millis + " ms";
        }
    }

    /** Linux's clock ticks per second ({@code getconf CLK_TCK}), 100 on every platform it runs on. */
    private static final long CLOCK_TICKS = 100;

    private final boolean sinceLaunch;
    private final List<Phase> phases = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long last;

    private StartTimeline(boolean sinceLaunch, long now) {
        this.sinceLaunch = sinceLaunch;
        this.last = now;
    }

    /**
     * A timeline whose first phase ({@code firstPhase}) began at this process's launch and ends now. The launch is
     * read from Linux's {@code /proc} (the process's start in clock ticks since boot, against the time since boot),
     * to 10 ms: {@link ProcessHandle.Info#startInstant()} adds the boot time, which Linux gives in whole seconds, so
     * it was up to a second off. Elsewhere the timeline starts now, without that phase.
     */
    static StartTimeline sinceLaunch(String firstPhase) {
        Optional<Duration> age = processAge();
        StartTimeline timeline = new StartTimeline(age.isPresent(), System.nanoTime());
        age.ifPresent(millis -> timeline.phases.add(new Phase(firstPhase, millis.toMillis())));
        return timeline;
    }

    /** How long ago this process was launched, from {@code /proc}; empty where that cannot be read. */
    static Optional<Duration> processAge() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command's closing parenthesis start at field 3; the start time is field 22.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            double sinceBoot = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            long millis = Math.round(sinceBoot * 1000) - startTicks * 1000 / CLOCK_TICKS;
            return millis >= 0 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The phase {@code name} ended now: it took the time since the last one ended. */
    void mark(String name) {
        long now = System.nanoTime();
        phases.add(new Phase(name, (now - last) / 1_000_000));
        last = now;
    }

    /** Adds {@code other}'s phases and notes, in order, after these. */
    void append(StartTimeline other) {
        phases.addAll(other.phases);
        notes.addAll(other.notes);
    }

    /** Something the phases do not show, said after them (what ran beside them, on another thread). */
    void note(String note) {
        notes.add(note);
    }

    /** The phases so far, in order. */
    List<Phase> phases() {
        return List.copyOf(phases);
    }

    /** {@code started in N ms after the process's launch: phase A ms, phase B ms, ...; notes} (without the launch, from the first mark). */
    String summary() {
        long total = phases.stream().mapToLong(Phase::millis).sum();
        return "started in " + total + " ms" + (sinceLaunch ? " after the process's launch" : "") + ": "
                + phases.stream().map(Phase::toString).collect(Collectors.joining(", "))
                + notes.stream().map(n -> "; " + n).collect(Collectors.joining());
    }

    /** A timeline that starts now, not at the launch (a host started inside another program). */
    static StartTimeline fromNow() {
        return new StartTimeline(false, System.nanoTime());
    }
}
