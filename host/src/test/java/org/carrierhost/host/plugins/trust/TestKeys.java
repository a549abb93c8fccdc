package org.carrierhost.host.plugins.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * OpenPGP keys made in a test (Ed25519, Bouncy Castle's key generation; nothing fetched), and what a
 * signer does with them: sign a zip, write a keyring, revoke itself.
 *
 * <p>Not thread-safe: one per test.
 */
public final class TestKeys {

    private final PGPKeyPair pair;
    private PGPPublicKeyRing ring;

    private TestKeys(PGPKeyPair pair, PGPPublicKeyRing ring) {
        this.pair = pair;
        this.ring = ring;
    }

    /** A new key that never expires. */
    public static TestKeys generate(String user) {
        return generate(user, Instant.now().minusSeconds(60), null);
    }

    /** A new key made at {@code created}, valid for {@code validity} (null: forever). */
    public static TestKeys generate(String user, Instant created, Duration validity) {
        try {
            Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
            PGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, generator.generateKeyPair(), Date.from(created));
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setKeyFlags(true, org.bouncycastle.bcpg.sig.KeyFlags.SIGN_DATA | org.bouncycastle.bcpg.sig.KeyFlags.CERTIFY_OTHER);
            hashed.setSignatureCreationTime(false, Date.from(created));
            if (validity != null) {
                hashed.setKeyExpirationTime(true, validity.toSeconds());
            }
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, user,
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), hashed.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA256), null);
            return new TestKeys(pair, rings.generatePublicKeyRing());
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key's full fingerprint, upper-case hex. */
    public String fingerprint() {
        return HexFormat.of().withUpperCase().formatHex(ring.getPublicKey().getFingerprint());
    }

    /** An armored detached signature over {@code data}. */
    public byte[] sign(byte[] data) {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA256));
            generator.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, new Date());
            hashed.setIssuerFingerprint(false, ring.getPublicKey());
            generator.setHashedSubpackets(hashed.generate());
            generator.update(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
                generator.generate().encode(armored);
            }
            return out.toByteArray();
        } catch (PGPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a key revocation, made by the key itself, to its public keyring. */
    public TestKeys revoke() {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA256));
            generator.init(PGPSignature.KEY_REVOCATION, pair.getPrivateKey());
            PGPPublicKey key = ring.getPublicKey();
            PGPSignature revocation = generator.generateCertification(key);
            ring = PGPPublicKeyRing.insertPublicKey(ring, PGPPublicKey.addCertification(key, revocation));
            return this;
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the armored public keyring of {@code keys} to {@code file}. */
    public static Path writeKeyring(Path file, TestKeys... keys) throws IOException {
        PGPPublicKeyRingCollection collection = new PGPPublicKeyRingCollection(List.of(keys).stream().map(k -> k.ring).toList());
        try (OutputStream out = Files.newOutputStream(file); ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
            collection.encode(armored);
        }
        return file;
    }

    /**
     * The settings of a policy under {@code plugins.trust.mode=enforce} trusting these keys, as signer {@code acme},
     * for the carriers of {@code carriers}; the keyring written to {@code keyring}.
     */
    public Map<String, String> enforcing(Path keyring, String carriers) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("plugins.trust.mode", "enforce");
        settings.put("plugins.trust.keyring", writeKeyring(keyring, this).toString());
        settings.put("plugins.trust.signer.acme.fingerprint", fingerprint());
        settings.put("plugins.trust.signer.acme.carriers", carriers);
        return settings;
    }
}
