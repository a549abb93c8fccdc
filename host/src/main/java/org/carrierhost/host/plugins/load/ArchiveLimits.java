package org.carrierhost.host.plugins.load;

/**
 * What a plugin zip may hold, so a zip bomb or an oversized upload is refused before it fills the disk.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param maxZipBytes      the largest zip file accepted
 * @param maxEntries       the most entries a zip may have
 * @param maxUnpackedBytes the most bytes its entries may expand to, in all
 * @param maxRatio         the largest expansion ratio of any one entry (unpacked / compressed)
 */
public record ArchiveLimits(long maxZipBytes, int maxEntries, long maxUnpackedBytes, int maxRatio) {

    /** 50 MiB zips, 10,000 entries, 200 MiB unpacked, 200:1 per entry. */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(50L << 20, 10_000, 200L << 20, 200);
    }
}
