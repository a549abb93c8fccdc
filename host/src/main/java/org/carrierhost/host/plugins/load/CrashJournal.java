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
 * after. A note still there at the next start means the process died inside that call (an exit, a halt, a
 * crash of the JVM, a kill): {@link #recover()} turns it into a quarantine of that carrier, which stays
 * until an operator lifts it ({@link #lift}, from {@code POST /api/carriers/{id}/reload}).
 *
 * <p>Layout: {@code <data-dir>/crash-journal/<n>.call} holds the carrier id and the call on two lines;
 * {@code <data-dir>/quarantine/<id>} holds the reason.
 *
 * <p>Thread-safe: each call writes its own uniquely numbered file; quarantine files are written whole.
 */
public final class CrashJournal {

    /** How every quarantine reason ends, so a view can tell a quarantine from another failure. */
    public static final String QUARANTINED = "; quarantined";

    private final Path calls;
    private final Path quarantine;
    private final AtomicLong sequence = new AtomicLong(System.nanoTime());

    /** A journal under {@code dataDir}; its folders are made when first needed. */
    public CrashJournal(Path dataDir) {
        this.calls = dataDir.toAbsolutePath().normalize().resolve("crash-journal");
        this.quarantine = dataDir.toAbsolutePath().normalize().resolve("quarantine");
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
     * Turns the notes a previous process left behind into quarantines, and deletes the notes.
     *
     * @return one entry per carrier quarantined now
     */
    public List<Quarantine> recover() {
        List<Quarantine> found = new ArrayList<>();
        if (!Files.isDirectory(calls)) {
            return found;
        }
        try (var notes = Files.list(calls)) {
            for (Path note : notes.sorted().toList()) {
                List<String> lines = Files.readAllLines(note, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && CarrierId.valid(lines.get(0))) {
                    String reason = "the host stopped while calling " + lines.get(1) + " of " + lines.get(0) + QUARANTINED;
                    quarantine(lines.get(0), reason);
                    found.add(new Quarantine(lines.get(0), reason));
                }
                Files.deleteIfExists(note);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the crash journal " + calls, e);
        }
        return found;
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
     * A carrier quarantined at start.
     *
     * @param id     the carrier
     * @param reason why, for example "the host stopped while calling start() of x; quarantined"
     */
    public record Quarantine(String id, String reason) {
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
                // A leftover note quarantines the carrier at the next start: safe, and liftable.
            }
        }
    }
}
