package org.carrierhost.host.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where this host's trust policy ({@code plugins.trust.*}) comes from, so it can be read again while the host
 * runs: the settings file, read anew each time, under the keys the environment, the system properties and
 * {@code --set} gave, which stay as they were at start.
 *
 * <p>Thread-safe: an immutable value; each {@link #now()} reads the file on its own.
 *
 * @param confFile  the settings file, if any
 * @param baseDir   what relative paths in it are relative to
 * @param aboveFile the {@code plugins.trust.*} keys set above the file, with their values
 */
public record TrustSource(Optional<Path> confFile, Path baseDir, Map<String, String> aboveFile) {

    private static final String PREFIX = "plugins.trust.";

    public TrustSource {
        aboveFile = Map.copyOf(aboveFile);
    }

    /** A policy given wholly by {@code keys} (no settings file): read again, it stays as it is. */
    public static TrustSource of(Map<String, String> keys) {
        return new TrustSource(Optional.empty(), Path.of("."), keys);
    }

    /**
     * The policy as its sources say now; the keyring is read by whoever verifies with it.
     *
     * @throws InvalidSettingException naming a key whose value is now wrong, or the file when it cannot be read
     */
    public TrustSettings now() {
        return TrustSettings.from(HostConfiguration.load(confFile.filter(Files::isRegularFile), false, baseDir, Map.of(),
                Map.of(), aboveFile));
    }

    /** Whether {@code key} belongs to the trust policy. */
    static boolean isTrustKey(String key) {
        return key.startsWith(PREFIX);
    }
}
