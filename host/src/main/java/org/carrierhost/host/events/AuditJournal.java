package org.carrierhost.host.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit log's durable queue: each entry is appended to a file in the data directory, one JSON line,
 * and forced to disk before the action it records is answered, so an entry survives a database outage and
 * a crash until the writer has put it in the database. Beside it, {@code audit-journal.offset} says how far
 * the database has it; at start every line past that is handed back to be written. Once the database has
 * every line, the file is emptied. A crash between the database's commit and the offset's move writes those
 * entries twice, never none.
 *
 * <p>Thread-safe: appends are serialized on this object, which is held only to write the line (never while
 * forcing or waiting for a force); forcing is shared, so callers that appended while another forced are
 * covered by one force (group commit). Forces are counted in a position that only grows ({@code written}),
 * so emptying the file never has to wait for a force in progress: an appender that waited for the writer
 * to record its progress while a force ran was the bottleneck of acquires under load (BENCHMARKS.md, issue 28).
 */
final class AuditJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The offset file's one line, padded so each write covers the last: a long has at most 19 digits. */
    private static final int OFFSET_WIDTH = 20;

    private final Path file;
    private final Path offsetFile;
    private final FileChannel channel;
    private final FileChannel offsetChannel;
    private final Object forcing = new Object();
    /** Where the next entry goes in the file; guarded by this object. */
    private long end;
    /** Every byte ever appended, across emptyings: only grows; written under this object's lock. */
    private volatile long written;
    /** How much of {@link #written} is on disk; guarded by {@link #forcing}. */
    private long forced;
    /** How far the database has the file; guarded by this object. */
    private long confirmed;

    private AuditJournal(Path file, Path offsetFile, FileChannel channel, FileChannel offsetChannel, long end, long confirmed) {
        this.file = file;
        this.offsetFile = offsetFile;
        this.channel = channel;
        this.offsetChannel = offsetChannel;
        this.end = end;
        this.written = end;
        this.forced = end;
        this.confirmed = confirmed;
    }

    /** Opens (or creates) the journal in {@code dir}. */
    static AuditJournal open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("audit-journal.jsonl");
            Path offsetFile = dir.resolve("audit-journal.offset");
            long confirmed = 0;
            if (Files.exists(offsetFile)) {
                try {
                    confirmed = Long.parseLong(Files.readString(offsetFile).strip());
                } catch (NumberFormatException e) {
                    log.warn("{} is unreadable; every journalled audit entry is written again", offsetFile);
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileChannel offsetChannel = FileChannel.open(offsetFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long size = channel.size();
            return new AuditJournal(file, offsetFile, channel, offsetChannel, size, Math.max(0, Math.min(confirmed, size)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit journal in " + dir, e);
        }
    }

    /** The entries the database may not have yet, each with where it ends in the journal. */
    synchronized List<Journalled> unconfirmed() {
        List<Journalled> entries = new ArrayList<>();
        try {
            ByteBuffer buffer = ByteBuffer.allocate((int) (end - confirmed));
            channel.read(buffer, confirmed);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            long at = confirmed;
            for (String line : text.split("\n", -1)) {
                long lineEnd = at + line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (!line.isBlank() && lineEnd <= end + 1) {
                    try {
                        entries.add(new Journalled(fromLine(line), Math.min(lineEnd, end)));
                    } catch (IOException | RuntimeException e) {
                        log.warn("skipping an unreadable audit journal line: {}", e.toString());
                    }
                }
                at = lineEnd;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit journal " + file, e);
        }
        return entries;
    }

    /**
     * Appends {@code entry} and, with {@code force}, forces it to disk (a later force covers one appended without).
     * Once it is written, and before the force, {@code inOrder} gets where it ends in the journal, under the lock
     * that orders the lines: whoever queues entries there has them in
     * the journal's order, so confirming the end of a batch taken from the head of that queue never covers an entry
     * not yet in a batch.
     *
     * @throws UncheckedIOException when it cannot be written ({@code inOrder} was not called) or forced (it was)
     */
    void append(Event entry, LongConsumer inOrder, boolean force) {
        byte[] line = (toLine(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        long mine;
        synchronized (this) {
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer, end + buffer.position());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot journal an audit entry in " + file, e);
            }
            end += line.length;
            written += line.length;
            mine = written;
            inOrder.accept(end);
        }
        if (!force) {
            return;
        }
        synchronized (forcing) {
            if (forced < mine) {
                long upTo = written;
                try {
                    channel.force(false);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot force the audit journal " + file + " to disk", e);
                }
                forced = upTo;
            }
        }
    }

    /**
     * The database has every entry up to {@code upTo}: that is remembered, and the journal emptied when
     * nothing is past it. The offset is written in place, not forced: one lost in a crash only writes entries twice.
     */
    synchronized void confirmed(long upTo) {
        if (upTo <= confirmed) {
            return;
        }
        confirmed = upTo;
        try {
            if (confirmed >= end) {
                // A force running now may force the emptied file: harmless, what it covered the database has.
                channel.truncate(0);
                end = 0;
                confirmed = 0;
            }
            byte[] line = String.format("%-" + (OFFSET_WIDTH - 1) + "d%n", confirmed).getBytes(StandardCharsets.US_ASCII);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                offsetChannel.write(buffer, buffer.position());
            }
        } catch (IOException e) {
            log.warn("cannot record the audit journal's progress in {}: {}", offsetFile, e.toString());
        }
    }

    private static String toLine(Event e) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("time", e.time().toString());
        fields.put("actor", e.actor());
        fields.put("action", e.action());
        fields.put("target", e.target());
        fields.put("result", e.result());
        fields.put("error", e.error());
        fields.put("carrier", e.carrier());
        fields.put("node", e.node());
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Event fromLine(String line) throws IOException {
        Map<String, String> f = JSON.readValue(line, new TypeReference<Map<String, String>>() { });
        return new Event(Instant.parse(f.get("time")), f.get("actor"), f.get("action"), f.get("target"), f.get("result"),
                f.get("error"), f.get("carrier"), f.get("node"));
    }

    @Override
    public synchronized void close() {
        try (offsetChannel) {
            channel.close();
        } catch (IOException e) {
            log.warn("closing the audit journal: {}", e.toString());
        }
    }

    /**
     * An entry read back from the journal.
     *
     * @param entry the entry
     * @param end   where it ends in the journal
     */
    record Journalled(Event entry, long end) {
    }
}
