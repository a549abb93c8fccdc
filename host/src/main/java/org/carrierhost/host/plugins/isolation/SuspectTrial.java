package org.carrierhost.host.plugins.isolation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.plugins.load.CrashJournal;
import org.carrierhost.host.plugins.load.PluginArchive;
import org.carrierhost.host.plugins.load.PluginLoadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges a suspect before it loads: a carrier whose crash-journal note outlived the host (the host died inside its
 * {@code start()}, say) is loaded, started and stopped once in a process of its own, so the note can tell a plugin
 * that ends its process from a kill that came from outside (the OOM killer, {@code systemctl kill}).
 *
 * <ul>
 *   <li>The trial's process <b>ended</b> by itself (an exit, a halt, a signal) while it loaded, started or stopped:
 *       the carrier is quarantined, the reason naming the call and how the trial ended, with the same quarantine
 *       file and {@link CarrierAction#QUARANTINE} event as ever.</li>
 *   <li>It <b>passed</b>: the host was killed from outside; the suspicion is cleared (a {@link CarrierAction#TRIAL}
 *       event and a log line say so) and the carrier loads as usual.</li>
 *   <li>Its JVM did not <b>boot</b> (a bad option, no memory: it ended before it said it booted, before anything of
 *       the plugin was loaded): that is no proof; the suspicion is cleared and the carrier loads as usual.</li>
 *   <li>It <b>hung</b> past its deadline (the start limit plus a JVM's boot for the start, the stop limit three times
 *       plus a second for the stop), or failed cleanly (its start threw): a hang is not an exit, so that is no
 *       proof; the suspicion is cleared and the carrier loads as usual, where its start limit fails a start that
 *       hangs, as it always has.</li>
 * </ul>
 * A host killed during a trial keeps the suspect (its file goes only when the trial ends), and tries again.
 *
 * <p>Thread-safe: the journal's files are written whole; trials of one carrier take turns on that carrier's lock.
 */
public final class SuspectTrial {

    private static final Logger log = LoggerFactory.getLogger(SuspectTrial.class);

    private final CrashJournal journal;
    private final Duration stopLimit;
    private final HostEvents events;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param journal   where suspects and quarantines are kept
     * @param stopLimit the host's stop limit: the trial's stop may take three times it, plus a second
     */
    public SuspectTrial(CrashJournal journal, Duration stopLimit, HostEvents events) {
        this.journal = journal;
        this.stopLimit = stopLimit;
        this.events = events;
    }

    /**
     * When carrier {@code id} is a suspect, tries it in the process {@code launch} makes and clears the suspicion
     * or quarantines the carrier; nothing when it is none. The caller then loads as usual, which a quarantine refuses.
     */
    void before(String id, Supplier<ProcessLaunch> launch) {
        synchronized (locks.computeIfAbsent(id, k -> new Object())) {
            Optional<String> call = journal.suspected(id);
            if (call.isEmpty()) {
                return;
            }
            ProcessLaunch process = launch.get();
            Verdict verdict;
            try {
                verdict = judge(process);
            } finally {
                PluginArchive.deleteQuietly(process.workDir());
            }
            if (verdict.died()) {
                String reason = "the host stopped while calling " + call.get() + " of " + id
                        + ", and a trial in a process of its own ended the same way (" + verdict.how() + ")" + CrashJournal.QUARANTINED;
                journal.quarantine(id, reason);
                journal.clearSuspicion(id);
                log.warn("{}", reason);
                events.publish(CarrierEvent.failed("startup", CarrierAction.TRIAL, id, reason));
                events.publish(CarrierEvent.failed("startup", CarrierAction.QUARANTINE, id, reason));
            } else {
                journal.clearSuspicion(id);
                String cleared = "the note of " + call.get() + " was cleared by a trial in a process of its own ("
                        + verdict.how() + "): the host was stopped from outside";
                log.info("{}: {}", id, cleared);
                events.publish(CarrierEvent.ok("startup", CarrierAction.TRIAL, id + ": " + cleared));
            }
        }
    }

    /** Loads, starts and stops the carrier in the process {@code launch} makes, and says whether that process died. */
    Verdict judge(ProcessLaunch launch) {
        CarrierProcess child;
        try {
            child = launch.start((process, end) -> { });
        } catch (PluginLoadException e) {
            if (e.getCause() instanceof CarrierProcess.EndedWhileStarting ended) {
                return Verdict.ended(ended.end().status());
            }
            return Verdict.cleared("its start did not end its process: " + e.failure().describe());
        }
        Duration wait = stopLimit.multipliedBy(3).plusSeconds(1);
        long began = System.nanoTime();
        ProcessEnd end = child.stop(wait);
        boolean killedAtTheDeadline = System.nanoTime() - began >= wait.toNanos();
        if (end.exitCode() == 0) {
            return Verdict.cleared("started and stopped");
        }
        if (killedAtTheDeadline || end.exitCode() < 0) {
            return Verdict.cleared("its stop hung past " + wait.toMillis() + " ms, which is no exit");
        }
        return Verdict.ended(end.status());
    }

    /**
     * What a trial showed.
     *
     * @param died whether the trial's process ended by itself
     * @param how  how it ended, for example {@code exit 49}, or what it did instead
     */
    record Verdict(boolean died, String how) {

        static Verdict ended(String how) {
            return new Verdict(true, how);
        }

        static Verdict cleared(String how) {
            return new Verdict(false, how);
        }
    }
}
