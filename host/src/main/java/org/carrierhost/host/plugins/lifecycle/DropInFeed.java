package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.plugins.source.DropInDirectory;
import org.carrierhost.host.plugins.source.DropInTarget;

/**
 * What the drop-in watcher (and the start-up scan) tells the lifecycle, turned into its verbs: a zip to
 * deploy is {@link CarrierLifecycle#deploy}, a zip gone is {@link CarrierLifecycle#fileGone}. A failure is
 * recorded on the carrier or the file and in the event log, never thrown at the watcher.
 *
 * <p>Thread-safe: holds only thread-safe parts.
 */
public final class DropInFeed implements DropInTarget {

    private final CarrierLifecycle lifecycle;
    private final CarrierTable table;
    private final DropInDirectory directory;

    /** Feeds {@code directory}'s zips to {@code lifecycle}, whose carriers are in {@code table}. */
    public DropInFeed(CarrierLifecycle lifecycle, CarrierTable table, DropInDirectory directory) {
        this.lifecycle = lifecycle;
        this.table = table;
        this.directory = directory;
    }

    /** Deploys every {@code *.zip} in the directory, in name order, as {@code actor}. */
    public void loadAll(String actor) {
        directory.zips().forEach(zip -> deployIfChanged(zip, actor));
    }

    @Override
    public void deployIfChanged(Path zip, String actor) {
        try {
            lifecycle.deploy(zip, actor);
        } catch (StandardException e) {
            // Recorded on the carrier or file, and in the event log.
        }
    }

    @Override
    public void fileGone(Path zip, String actor) {
        lifecycle.fileGone(zip, actor);
    }

    @Override
    public Set<Path> knownFiles() {
        Set<Path> known = new HashSet<>(table.files().files());
        table.all().forEach(s -> Optional.ofNullable(s.file()).ifPresent(known::add));
        return known;
    }
}
