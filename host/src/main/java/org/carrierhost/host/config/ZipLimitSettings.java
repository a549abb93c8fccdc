package org.carrierhost.host.config;

/**
 * The limits a plugin zip must keep, against oversized zips and zip bombs.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param maxBytes         {@code plugins.max_zip_bytes}
 * @param maxEntries       {@code plugins.max_zip_entries}
 * @param maxUnpackedBytes {@code plugins.max_unpacked_bytes}
 * @param maxRatio         {@code plugins.max_zip_ratio}
 */
public record ZipLimitSettings(long maxBytes, int maxEntries, long maxUnpackedBytes, int maxRatio) {

    static ZipLimitSettings from(HostConfiguration values) {
        return new ZipLimitSettings(values.get(Settings.PLUGINS_MAX_ZIP_BYTES), values.get(Settings.PLUGINS_MAX_ZIP_ENTRIES),
                values.get(Settings.PLUGINS_MAX_UNPACKED_BYTES), values.get(Settings.PLUGINS_MAX_ZIP_RATIO));
    }
}
