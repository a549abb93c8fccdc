package org.carrierhost.host.manager;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a stock import: one result per number listed, in the order listed.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param carrier the local carrier whose stock it is
 * @param results what happened to each number
 */
public record ImportReport(String carrier, List<ImportResult> results) {

    public ImportReport {
        Objects.requireNonNull(carrier, "carrier");
        results = List.copyOf(results);
    }

    /** How many numbers were added. */
    public long added() {
        return count(ImportResult.Added.class);
    }

    /** How many were already stored. */
    public long present() {
        return count(ImportResult.Present.class);
    }

    /** How many were not phone numbers. */
    public long invalid() {
        return count(ImportResult.Invalid.class);
    }

    private long count(Class<? extends ImportResult> shape) {
        return results.stream().filter(shape::isInstance).count();
    }
}
