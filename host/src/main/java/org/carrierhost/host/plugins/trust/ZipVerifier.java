package org.carrierhost.host.plugins.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.carrierhost.host.config.TrustSettings;
import org.carrierhost.host.config.TrustSettings.Mode;
import org.carrierhost.host.config.TrustSettings.Signer;

/**
 * Checks a zip's detached armored OpenPGP signature against this host's trust policy, offline: the
 * signature over the whole zip, the signing key found in the policy's keyring by its full fingerprint,
 * the key's expiry and revocations (read and verified here), the policy's revoked fingerprints and
 * SHA-256 hashes, and then, once the zip's carrier id and version are read, the signer's carrier pattern
 * and the carrier's minimum version. Nothing is fetched.
 *
 * <p>Thread-safe: immutable after construction; each check works on its own objects.
 */
public final class ZipVerifier {

    private final TrustSettings policy;
    private final PGPPublicKeyRingCollection keyring;

    /**
     * A verifier of {@code policy}, its keyring read now.
     *
     * @throws IllegalArgumentException when the keyring cannot be read
     */
    public ZipVerifier(TrustSettings policy) {
        this.policy = policy;
        this.keyring = policy.keyring().map(ZipVerifier::readKeyring).orElseGet(ZipVerifier::emptyKeyring);
    }

    /** The policy's mode. */
    public Mode mode() {
        return policy.mode();
    }

    /**
     * The verdict on {@code zip} and its signature, before the zip is opened.
     *
     * @param zip       the zip's bytes
     * @param signature the armored detached signature, when there is one
     */
    public TrustVerdict verify(byte[] zip, Optional<byte[]> signature) {
        if (policy.mode() == Mode.OFF) {
            return new TrustVerdict.Unsigned();
        }
        String sha256 = sha256(zip);
        if (policy.revokedSha256().contains(sha256)) {
            return refused(Refusal.REVOKED, "the zip's SHA-256 " + sha256 + " is revoked", null, null, null);
        }
        if (signature.isEmpty()) {
            return policy.mode() == Mode.ENFORCE
                    ? refused(Refusal.NOT_TRUSTED, "the zip has no signature (x.zip.asc)", null, null, null)
                    : new TrustVerdict.Unsigned();
        }
        PGPSignature sig;
        try {
            sig = readSignature(signature.get());
        } catch (IOException | PGPException | RuntimeException e) {
            return refused(Refusal.BAD_SIGNATURE, "not an OpenPGP signature: " + e.getMessage(), null, null, null);
        }
        Instant created = sig.getCreationTime().toInstant();
        Optional<PGPPublicKey> signingKey = signingKey(sig);
        if (signingKey.isEmpty()) {
            return refused(Refusal.NOT_TRUSTED, "signed by a key not in the keyring" + issuer(sig).map(f -> ": " + f).orElse(""),
                    null, issuer(sig).orElse(null), created);
        }
        PGPPublicKey key = signingKey.get();
        PGPPublicKey primary = keyring.getPublicKeyRing(key.getKeyID()) == null ? key
                : primaryOf(key);
        String fingerprint = hex(primary.getFingerprint());
        Optional<Signer> signer = policy.signers().values().stream().filter(s -> s.fingerprint().equals(fingerprint)).findFirst();
        String name = signer.map(Signer::name).orElse(null);
        try {
            sig.init(new BcPGPContentVerifierBuilderProvider(), key);
            sig.update(zip);
            if (!sig.verify()) {
                return refused(Refusal.BAD_SIGNATURE, "the signature does not match the zip", name, fingerprint, created);
            }
        } catch (PGPException | RuntimeException e) {
            return refused(Refusal.BAD_SIGNATURE, "cannot be verified: " + e.getMessage(), name, fingerprint, created);
        }
        if (signer.isEmpty()) {
            return refused(Refusal.NOT_TRUSTED, "key " + fingerprint + " is no signer of this host's policy", null, fingerprint, created);
        }
        if (policy.revokedFingerprints().contains(fingerprint) || policy.revokedFingerprints().contains(hex(key.getFingerprint()))) {
            return refused(Refusal.REVOKED, "key " + fingerprint + " is listed in plugins.trust.revoked_fingerprints", name, fingerprint, created);
        }
        if (revoked(primary, primary, PGPSignature.KEY_REVOCATION) || key != primary && revoked(key, primary, PGPSignature.SUBKEY_REVOCATION)) {
            return refused(Refusal.REVOKED, "key " + fingerprint + " carries a revocation", name, fingerprint, created);
        }
        Instant now = Instant.now();
        for (PGPPublicKey checked : key == primary ? new PGPPublicKey[] {primary} : new PGPPublicKey[] {primary, key}) {
            Optional<Instant> expires = expiry(checked);
            if (expires.isPresent() && !now.isBefore(expires.get())) {
                return refused(Refusal.EXPIRED, "key " + hex(checked.getFingerprint()) + " expired at " + expires.get(), name, fingerprint, created);
            }
        }
        if (created.isAfter(now.plusSeconds(300))) {
            return refused(Refusal.BAD_SIGNATURE, "the signature is dated in the future: " + created, name, fingerprint, created);
        }
        return new TrustVerdict.Trusted(name, fingerprint, created, signer.get().carriers());
    }

    /**
     * {@code verdict} once the zip's carrier {@code id} and {@code version} are known: a trusted signature
     * outside its signer's carriers, or any zip below the carrier's minimum version, is refused.
     */
    public TrustVerdict admit(TrustVerdict verdict, String id, String version) {
        if (policy.mode() == Mode.OFF) {
            return verdict;
        }
        String min = policy.minVersions().get(id);
        if (min != null && version != null && compareVersions(version, min) < 0) {
            String signer = verdict instanceof TrustVerdict.Trusted t ? t.signer() : null;
            String fingerprint = verdict instanceof TrustVerdict.Trusted t ? t.fingerprint() : null;
            Instant created = verdict instanceof TrustVerdict.Trusted t ? t.created() : null;
            return refused(Refusal.DOWNGRADE, id + " " + version + " is below plugins.trust.min_version." + id + "=" + min,
                    signer, fingerprint, created);
        }
        if (verdict instanceof TrustVerdict.Trusted t && !matches(t.carriers(), id)) {
            return refused(Refusal.OUTSIDE_ITS_CARRIERS, "signer " + t.signer() + " may sign " + t.carriers() + ", not " + id,
                    t.signer(), t.fingerprint(), t.created());
        }
        return verdict;
    }

    /** The verdict on a zip file and, when it exists, its signature file. */
    public TrustVerdict verify(Path zip, Optional<Path> signature) throws IOException {
        Optional<byte[]> asc = signature.isPresent() && Files.isRegularFile(signature.get())
                ? Optional.of(Files.readAllBytes(signature.get())) : Optional.empty();
        return verify(Files.readAllBytes(zip), asc);
    }

    private TrustVerdict.Refused refused(Refusal reason, String detail, String signer, String fingerprint, Instant created) {
        return new TrustVerdict.Refused(reason, detail, signer, fingerprint, created, policy.mode() != Mode.ENFORCE);
    }

    private PGPPublicKey primaryOf(PGPPublicKey key) {
        PGPPublicKeyRing ring = keyring.getPublicKeyRing(key.getKeyID());
        return ring.getPublicKey();
    }

    /** The key that made {@code sig}: by its issuer fingerprint when given, else by its key id, then checked by full fingerprint. */
    private Optional<PGPPublicKey> signingKey(PGPSignature sig) {
        Optional<String> issuer = issuer(sig);
        try {
            Iterator<PGPPublicKeyRing> rings = keyring.getKeyRings();
            while (rings.hasNext()) {
                for (Iterator<PGPPublicKey> keys = rings.next().getPublicKeys(); keys.hasNext(); ) {
                    PGPPublicKey key = keys.next();
                    boolean same = issuer.map(f -> f.equals(hex(key.getFingerprint()))).orElse(key.getKeyID() == sig.getKeyID());
                    if (same) {
                        return Optional.of(key);
                    }
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> issuer(PGPSignature sig) {
        if (sig.getHashedSubPackets() == null) {
            return Optional.empty();
        }
        IssuerFingerprint fp = sig.getHashedSubPackets().getIssuerFingerprint();
        return fp == null ? Optional.empty() : Optional.of(hex(fp.getFingerprint()));
    }

    /** Whether {@code key} carries a revocation of {@code type} made (and verified) by {@code by}. */
    private static boolean revoked(PGPPublicKey key, PGPPublicKey by, int type) {
        for (Iterator<PGPSignature> sigs = key.getSignaturesOfType(type); sigs.hasNext(); ) {
            PGPSignature revocation = sigs.next();
            try {
                revocation.init(new BcPGPContentVerifierBuilderProvider(), by);
                boolean good = type == PGPSignature.KEY_REVOCATION ? revocation.verifyCertification(key)
                        : revocation.verifyCertification(by, key);
                if (good) {
                    return true;
                }
            } catch (PGPException | RuntimeException e) {
                // A revocation that does not verify is no revocation.
            }
        }
        return false;
    }

    /** When {@code key} expires, from its creation and its validity; empty when it does not. */
    private static Optional<Instant> expiry(PGPPublicKey key) {
        long seconds = key.getValidSeconds();
        return seconds <= 0 ? Optional.empty() : Optional.of(key.getCreationTime().toInstant().plusSeconds(seconds));
    }

    private static PGPSignature readSignature(byte[] armored) throws IOException, PGPException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
            Object read = new BcPGPObjectFactory(in).nextObject();
            if (read instanceof PGPSignatureList list && !list.isEmpty()) {
                return list.get(0);
            }
            throw new PGPException("no detached signature in it");
        }
    }

    private static PGPPublicKeyRingCollection readKeyring(Path file) {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            return new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
        } catch (IOException | PGPException e) {
            throw new IllegalArgumentException("plugins.trust.keyring: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static PGPPublicKeyRingCollection emptyKeyring() {
        try {
            return new PGPPublicKeyRingCollection(java.util.List.of());
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code id} matches {@code pattern}, where {@code *} is any characters and {@code ,} separates alternatives. */
    static boolean matches(String pattern, String id) {
        for (String one : pattern.split(",")) {
            String regex = Pattern.quote(one.strip()).replace("*", "\\E.*\\Q");
            if (id.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    /** Versions compared by their numeric (then textual) dot-separated parts: 1.10 is above 1.9. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d{1,18}") && q.matches("\\d{1,18}") ? Long.compare(Long.parseLong(p), Long.parseLong(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The SHA-256 of {@code bytes}, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] fingerprint) {
        return HexFormat.of().withUpperCase().formatHex(fingerprint);
    }
}
