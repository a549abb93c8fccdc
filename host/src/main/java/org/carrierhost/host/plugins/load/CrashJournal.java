package org.carrierhost.host.plugins.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.carrierhost.host.plugins.CarrierId;

/**
 * Notes each call into a plugin's lifecycle code (its {@code Plugin.start()}, its extension's constructor,
 * {@code start} and {@code stop}) in a small file under the data directory before the call, and deletes it
 * after. A note still there at the next start means the process died inside that call: by the plugin's doing (an
 * exit, a halt, a crash of the JVM) or by a kill from outside (the OOM killer, {@code systemctl kill}), which the
 * note cannot tell apart. So {@link #recover()} makes that carrier a suspect, not a convict: before it loads in the
 * host again it is tried in a process of its own ({@code isolation.SuspectTrial}), which either clears the
 * suspicion ({@link #clearSuspicion}) or quarantines it ({@link #quarantine}). A quarantine stays until an operator
 * lifts it ({@link #lift}, from {@code POST /api/carriers/{id}/reload}).
 *
 * <p>Layout: {@code <data-dir>/crash-journal/<n>.call} holds the carrier id and the call on two lines;
 * {@code <data-dir>/suspects/<id>} holds the call a suspect's note named, until its trial ends (so a host killed
 * during a trial tries again at its next start); {@code <data-dir>/quarantine/<id>} holds the reason.
 *
 * <p>Thread-safe: each call writes its own uniquely numbered file; suspect and quarantine files are written whole.
 */
public final class CrashJournal {

    /** How every quarantine reason ends, so a view can tell a quarantine from another failure. */
    public static final String QUARANTINED = "; quarantined";

    private final Path calls;
    private final Path quarantine;
    private final Path suspects;
    private final AtomicLong sequence = new AtomicLong(System.nanoTime());

    /** A journal under {@code dataDir}; its folders are made when first needed. */
    public CrashJournal(Path dataDir) {
        this.calls = dataDir.toAbsolutePath().normalize().resolve("crash-journal");
        this.quarantine = dataDir.toAbsolutePath().normalize().resolve("quarantine");
        this.suspects = dataDir.toAbsolutePath().normalize().resolve("suspects");
    }

    /**
     * Notes that {@code call} (for example {@code start()}) of carrier {@code id} is about to run; closing the
     * returned note says it returned or threw.
     */
    public Note enter(String id, String call) {
        Path note = calls.resolve(sequence.incrementAndGet() + ".call");
        try {
            Files.createDirectories(calls);
            Files.writeString(note, id + "\n" + call + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the crash journal " + note, e);
        }
        return new Note(note);
    }

    /**
     * Turns the notes a previous process left behind into suspects (each kept until its trial ends), and deletes
     * the notes.
     *
     * @return one entry per note left behind
     */
    public List<Suspect> recover() {
        List<Suspect> found = new ArrayList<>();
        if (!Files.isDirectory(calls)) {
            return found;
        }
        try (var notes = Files.list(calls)) {
            for (Path note : notes.sorted().toList()) {
                List<String> lines = Files.readAllLines(note, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && CarrierId.valid(lines.get(0))) {
                    // Written before the note goes: a host killed in between finds the note again, not nothing.
                    Files.createDirectories(suspects);
                    Files.writeString(CarrierId.inside(suspects, lines.get(0)), lines.get(1), StandardCharsets.UTF_8);
                    found.add(new Suspect(lines.get(0), lines.get(1)));
                }
                Files.deleteIfExists(note);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the crash journal " + calls, e);
        }
        return found;
    }

    /** The call carrier {@code id} was in when a previous process died, while its trial is still to come. */
    public Optional<String> suspected(String id) {
        if (!CarrierId.valid(id)) {
            return Optional.empty();
        }
        Path file = CarrierId.inside(suspects, id);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.of("a call (the suspect note " + file + " cannot be read)");
        }
    }

    /** Ends carrier {@code id}'s suspicion: its trial passed, or quarantined it. */
    public void clearSuspicion(String id) {
        try {
            Files.deleteIfExists(CarrierId.inside(suspects, id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the suspicion of " + id, e);
        }
    }

    /** Why carrier {@code id} is quarantined; empty when it is not. */
    public Optional<String> quarantined(String id) {
        if (!CarrierId.valid(id)) {
            return Optional.empty();
        }
        Path file = CarrierId.inside(quarantine, id);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.of("the quarantine note " + file + " cannot be read" + QUARANTINED);
        }
    }

    /**
     * Quarantines carrier {@code id} for {@code reason} (which should end with {@link #QUARANTINED}), until an
     * operator lifts it; kept across restarts.
     */
    public void quarantine(String id, String reason) {
        Path file = CarrierId.inside(quarantine, id);
        try {
            Files.createDirectories(quarantine);
            Files.writeString(file, reason, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the quarantine of " + id, e);
        }
    }

    /** Lifts carrier {@code id}'s quarantine; true when there was one. */
    public boolean lift(String id) {
        if (!CarrierId.valid(id)) {
            return false;
        }
        try {
            return Files.deleteIfExists(CarrierId.inside(quarantine, id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lift the quarantine of " + id, e);
        }
    }

    /**
     * A carrier the previous process died inside a call of.
     *
     * @param id   the carrier
     * @param call the call, for example {@code start()}
     */
    public record Suspect(String id, String call) {
    }

    /** One call noted in the journal; closing it deletes the note. */
    public static final class Note implements AutoCloseable {

        private final Path file;

        private Note(Path file) {
            this.file = file;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover note makes the carrier a suspect at the next start: it is tried before it serves.
            }
        }
    }
}
