package org.carrierhost.host.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who may sign a carrier's zip ({@code plugins.trust.*}): a policy local to this host, never kept in the
 * shared database.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param mode                {@code plugins.trust.mode}
 * @param keyring             {@code plugins.trust.keyring}, when set
 * @param signers             {@code plugins.trust.signer.<name>.*}, by name
 * @param revokedFingerprints {@code plugins.trust.revoked_fingerprints}, upper-case hex without spaces
 * @param revokedSha256       {@code plugins.trust.revoked_sha256}, lower-case hex
 * @param minVersions         {@code plugins.trust.min_version.<id>}, by carrier id
 * @param pairWait            {@code plugins.trust.pair_ms}
 * @param onRevocation        {@code plugins.trust.on_revocation}
 */
public record TrustSettings(Mode mode, Optional<Path> keyring, Map<String, Signer> signers, Set<String> revokedFingerprints,
                            Set<String> revokedSha256, Map<String, String> minVersions, Duration pairWait,
                            OnRevocation onRevocation) {

    /** What a running carrier gets when the policy, read again, no longer trusts its zip. */
    public enum OnRevocation {
        /** It serves on; the refusal is shown on the carrier and told as an event. */
        WARN,
        /** It is disabled, as by the disable verb, and stays disabled until enabled. */
        DISABLE
    }

    /** What the host does with a zip's signature. */
    public enum Mode {
        /** Signatures are not read; every zip is unsigned. */
        OFF,
        /** Every signature is checked and shown; nothing is refused for it. */
        WARN,
        /** Only a zip whose signature is trusted loads. */
        ENFORCE
    }

    /**
     * A trusted signer.
     *
     * @param name        the {@code <name>} of its keys
     * @param fingerprint its key's full fingerprint, upper-case hex without spaces
     * @param carriers    the carrier ids it may sign, a pattern where {@code *} is any characters
     */
    public record Signer(String name, String fingerprint, String carriers) {
    }

    /** No policy: mode off. */
    public static final TrustSettings OFF = new TrustSettings(Mode.OFF, Optional.empty(), Map.of(), Set.of(), Set.of(), Map.of(),
            Duration.ZERO, OnRevocation.WARN);

    public TrustSettings {
        signers = Map.copyOf(signers);
        revokedFingerprints = Set.copyOf(revokedFingerprints);
        revokedSha256 = Set.copyOf(revokedSha256);
        minVersions = Map.copyOf(minVersions);
    }

    /** A fingerprint as written (any case, spaces or colons) in the one form compared: upper-case hex. */
    public static String fingerprint(String written) {
        return written.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
    }

    static TrustSettings from(HostConfiguration values) {
        Map<String, String> fingerprints = byName(values.each(Settings.TRUST_SIGNER_FINGERPRINT));
        Map<String, String> patterns = byName(values.each(Settings.TRUST_SIGNER_CARRIERS));
        Map<String, Signer> signers = new TreeMap<>();
        fingerprints.forEach((name, written) -> {
            String key = "plugins.trust.signer." + name;
            String fingerprint = fingerprint(written);
            if (!fingerprint.matches("[0-9A-F]{40}|[0-9A-F]{64}")) {
                throw new InvalidSettingException(key + ".fingerprint",
                        "must be a full key fingerprint: 40 (v4) or 64 (v5/v6) hex digits, never a short key id");
            }
            String carriers = patterns.get(name);
            if (carriers == null) {
                throw new InvalidSettingException(key + ".carriers", "must be set: the carrier ids the signer may sign, for example acme*");
            }
            signers.put(name, new Signer(name, fingerprint, carriers));
        });
        patterns.keySet().stream().filter(n -> !fingerprints.containsKey(n)).findFirst().ifPresent(n -> {
            throw new InvalidSettingException("plugins.trust.signer." + n + ".fingerprint", "must be set: the signer's full key fingerprint");
        });
        Map<String, String> minVersions = new TreeMap<>();
        values.each(Settings.TRUST_MIN_VERSION).forEach((key, v) -> minVersions.put(key.substring("plugins.trust.min_version.".length()), v));
        List<String> revoked = values.get(Settings.TRUST_REVOKED_FINGERPRINTS).stream().map(TrustSettings::fingerprint).toList();
        List<String> revokedSha = values.get(Settings.TRUST_REVOKED_SHA256).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        return new TrustSettings(Mode.valueOf(values.get(Settings.TRUST_MODE).toUpperCase(Locale.ROOT)),
                values.optional(Settings.TRUST_KEYRING), signers, Set.copyOf(revoked), Set.copyOf(revokedSha), minVersions,
                values.get(Settings.TRUST_PAIR_WAIT),
                OnRevocation.valueOf(values.get(Settings.TRUST_ON_REVOCATION).toUpperCase(Locale.ROOT)));
    }

    /** {@code plugins.trust.signer.<name>.<part>} keys by {@code <name>}. */
    private static Map<String, String> byName(Map<String, String> byKey) {
        Map<String, String> byName = new TreeMap<>();
        byKey.forEach((key, value) -> {
            String rest = key.substring("plugins.trust.signer.".length());
            byName.put(rest.substring(0, rest.lastIndexOf('.')), value);
        });
        return byName;
    }
}
