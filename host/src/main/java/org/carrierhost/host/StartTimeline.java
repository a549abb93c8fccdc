package org.carrierhost.host;

import java.time.Duration;
import java.time.Instant;
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

    private final Optional<Instant> launched;
    private final List<Phase> phases = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long last;

    private StartTimeline(Optional<Instant> launched, long now) {
        this.launched = launched;
        this.last = now;
    }

    /** A timeline whose first phase ({@code firstPhase}) began at this process's launch and ends now. */
    static StartTimeline sinceLaunch(String firstPhase) {
        Optional<Instant> launched = ProcessHandle.current().info().startInstant();
        StartTimeline timeline = new StartTimeline(launched, System.nanoTime());
        launched.ifPresent(at -> timeline.phases.add(new Phase(firstPhase,
                Math.max(0, Duration.between(at, Instant.now()).toMillis()))));
        return timeline;
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
        return "started in " + total + " ms" + (launched.isPresent() ? " after the process's launch" : "") + ": "
                + phases.stream().map(Phase::toString).collect(Collectors.joining(", "))
                + notes.stream().map(n -> "; " + n).collect(Collectors.joining());
    }

    /** A timeline that starts now, not at the launch (a host started inside another program). */
    static StartTimeline fromNow() {
        return new StartTimeline(Optional.empty(), System.nanoTime());
    }
}
