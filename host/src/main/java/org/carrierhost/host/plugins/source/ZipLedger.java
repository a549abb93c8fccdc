package org.carrierhost.host.plugins.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.PluginArchive;

/**
 * One {@link ZipRecord} per zip file the host deployed or tried, from the drop-in directory, an upload or
 * the cluster: which content was last deployed from it (so a file seen again with the same size and
 * SHA-256 is not redeployed, whatever its file time says), which carrier it deploys as, or why it never
 * loaded or was refused.
 *
 * <p>Thread-safe: a concurrent map of immutable records. The lifecycle writes a file's record under the
 * lock of the carrier it concerns.
 */
public final class ZipLedger {

    private final ConcurrentMap<Path, ZipRecord> records = new ConcurrentHashMap<>();

    /** Whether {@code archive} is the content last deployed or tried from its file. */
    public boolean unchanged(PluginArchive archive) {
        ZipRecord known = records.get(archive.file());
        return known != null && archive.equals(known.content());
    }

    /** {@code archive} is being deployed from its file now; what it deploys as is not known yet. */
    public void trying(PluginArchive archive) {
        records.put(archive.file(), new ZipRecord(archive.file(), archive, null, null, null, false, null));
    }

    /** {@code file} deploys as carrier {@code id} (serving, skipped as disabled, or failed with the id known). */
    public void deploysAs(Path file, String id) {
        records.compute(file, (f, known) -> new ZipRecord(f, known == null ? null : known.content(), id, null, null, false, null));
    }

    /** {@code file} never loaded, for {@code failure}. */
    public void neverLoaded(Path file, PluginFailure failure) {
        records.compute(file, (f, known) -> new ZipRecord(f, known == null ? null : known.content(), null, failure, null, false, null));
    }

    /** {@code file} was refused as a second zip of carrier {@code id}. */
    public void refused(Path file, String id, PluginFailure failure) {
        records.compute(file, (f, known) -> new ZipRecord(f, known == null ? null : known.content(), null, failure, id, false, null));
    }

    /** {@code file}, a zip of carrier {@code id} at {@code version}, does not serve: another zip of the id won. */
    public void shadowed(Path file, String id, String version) {
        records.compute(file, (f, known) -> new ZipRecord(f, known == null ? null : known.content(), id, null, null, true, version));
    }

    /** Puts back {@code record} as it was, or forgets its file when {@code record} is null. */
    public void restore(Path file, ZipRecord record) {
        if (record == null) {
            records.remove(file);
        } else {
            records.put(file, record);
        }
    }

    /** Forgets {@code file}. */
    public void forget(Path file) {
        records.remove(file);
    }

    /** The record of {@code file}, if any. */
    public Optional<ZipRecord> record(Path file) {
        return Optional.ofNullable(records.get(file));
    }

    /** Every file it knows, sorted. */
    public List<Path> files() {
        return records.keySet().stream().sorted().toList();
    }

    /** The zips that never loaded or were refused, by file name. */
    public List<ZipRecord> neverLoaded() {
        return records.values().stream().filter(ZipRecord::neverLoaded).sorted(java.util.Comparator.comparing(ZipRecord::file)).toList();
    }

    /** The zip that never loaded listed under {@code name}, if any. */
    public Optional<ZipRecord> neverLoaded(String name) {
        return neverLoaded().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The zips of carrier {@code id} that wait for the one serving to go: refused as duplicates, or shadowed; sorted. */
    public List<Path> waitingFor(String id) {
        return records.values().stream().filter(r -> id.equals(r.duplicateOf()) || (r.shadowed() && id.equals(r.carrier())))
                .map(ZipRecord::file).sorted().toList();
    }

    /** The zips of carrier {@code id} that are shadowed, sorted by file. */
    public List<ZipRecord> shadowedOf(String id) {
        return records.values().stream().filter(r -> r.shadowed() && id.equals(r.carrier()))
                .sorted(java.util.Comparator.comparing(ZipRecord::file)).toList();
    }
}
