package org.carrierhost.host.plugins.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.config.TrustSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust policy's verdicts on signed zips, with keys made in the test and nothing fetched. */
class ZipVerifierTest {

    private static final byte[] ZIP = "PK\u0003\u0004 a carrier's zip, as bytes".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    private TestKeys acme;
    private final Map<String, String> settings = new HashMap<>();

    @BeforeEach
    void policyTrustingAcmeForAcmeCarriers() {
        acme = TestKeys.generate("Acme <release@acme.example>");
        settings.put("plugins.trust.mode", "enforce");
        settings.put("plugins.trust.signer.acme.fingerprint", acme.fingerprint());
        settings.put("plugins.trust.signer.acme.carriers", "acme*");
    }

    private ZipVerifier verifier(TestKeys... inKeyring) throws IOException {
        settings.put("plugins.trust.keyring", TestKeys.writeKeyring(dir.resolve("trusted.asc"), inKeyring).toString());
        return new ZipVerifier(HostConfiguration.of(settings).settings().plugins().trust());
    }

    private static TrustVerdict.Refused refused(TrustVerdict verdict, Refusal reason) {
        TrustVerdict.Refused refused = assertInstanceOf(TrustVerdict.Refused.class, verdict, verdict.toString());
        assertEquals(reason, refused.reason(), refused.message());
        assertFalse(refused.admitted());
        return refused;
    }

    @Test
    void aZipSignedByATrustedKeyForOneOfItsCarriersIsTrusted() throws IOException {
        ZipVerifier verifier = verifier(acme);

        TrustVerdict verdict = verifier.admit(verifier.verify(ZIP, Optional.of(acme.sign(ZIP))), "acme-voice", "1.0.0");

        TrustVerdict.Trusted trusted = assertInstanceOf(TrustVerdict.Trusted.class, verdict, verdict.toString());
        assertEquals("acme", trusted.signer());
        assertEquals(acme.fingerprint(), trusted.fingerprint());
        assertTrue(trusted.created().isAfter(Instant.now().minusSeconds(60)));
    }

    @Test
    void theSameZipWithOneByteChangedIsABadSignature() throws IOException {
        byte[] signature = acme.sign(ZIP);
        byte[] changed = ZIP.clone();
        changed[changed.length - 1] ^= 1;

        TrustVerdict.Refused refused = refused(verifier(acme).verify(changed, Optional.of(signature)), Refusal.BAD_SIGNATURE);

        assertEquals("bad signature", refused.reason().words());
    }

    @Test
    void aSignatureThatIsNoOpenPgpIsABadSignature() throws IOException {
        refused(verifier(acme).verify(ZIP, Optional.of("not a signature".getBytes(StandardCharsets.US_ASCII))), Refusal.BAD_SIGNATURE);
    }

    @Test
    void aKeyNotInTheKeyringIsNotTrusted() throws IOException {
        TestKeys stranger = TestKeys.generate("Stranger <s@example.org>");

        refused(verifier(acme).verify(ZIP, Optional.of(stranger.sign(ZIP))), Refusal.NOT_TRUSTED);
    }

    @Test
    void aKeyInTheKeyringThatIsNoSignerOfThePolicyIsNotTrusted() throws IOException {
        TestKeys other = TestKeys.generate("Other <o@example.org>");

        TrustVerdict.Refused refused = refused(verifier(acme, other).verify(ZIP, Optional.of(other.sign(ZIP))), Refusal.NOT_TRUSTED);

        assertEquals(other.fingerprint(), refused.fingerprint());
    }

    @Test
    void anUnsignedZipIsNotTrustedUnderEnforceAndUnsignedUnderWarn() throws IOException {
        refused(verifier(acme).verify(ZIP, Optional.empty()), Refusal.NOT_TRUSTED);

        settings.put("plugins.trust.mode", "warn");
        assertInstanceOf(TrustVerdict.Unsigned.class, verifier(acme).verify(ZIP, Optional.empty()));
    }

    @Test
    void aTrustedSignerOutsideItsCarrierPatternIsRefused() throws IOException {
        ZipVerifier verifier = verifier(acme);

        TrustVerdict verdict = verifier.admit(verifier.verify(ZIP, Optional.of(acme.sign(ZIP))), "bandwidth", "1.0.0");

        assertEquals("outside its carriers", refused(verdict, Refusal.OUTSIDE_ITS_CARRIERS).reason().words());
    }

    @Test
    void anExpiredKeyIsRefused() throws IOException {
        TestKeys old = TestKeys.generate("Old <old@acme.example>", Instant.now().minus(Duration.ofDays(3)), Duration.ofDays(1));
        settings.put("plugins.trust.signer.acme.fingerprint", old.fingerprint());

        TrustVerdict.Refused refused = refused(verifier(old).verify(ZIP, Optional.of(old.sign(ZIP))), Refusal.EXPIRED);

        assertTrue(refused.detail().contains("expired at"), refused.detail());
    }

    @Test
    void aKeyThatIsNotYetExpiredIsTrusted() throws IOException {
        TestKeys fresh = TestKeys.generate("Fresh <fresh@acme.example>", Instant.now().minusSeconds(60), Duration.ofDays(1));
        settings.put("plugins.trust.signer.acme.fingerprint", fresh.fingerprint());

        assertInstanceOf(TrustVerdict.Trusted.class, verifier(fresh).verify(ZIP, Optional.of(fresh.sign(ZIP))));
    }

    @Test
    void aKeyRevokedInTheKeyringIsRefused() throws IOException {
        byte[] signature = acme.sign(ZIP);

        refused(verifier(acme.revoke()).verify(ZIP, Optional.of(signature)), Refusal.REVOKED);
    }

    @Test
    void aKeyListedAsRevokedIsRefused() throws IOException {
        settings.put("plugins.trust.revoked_fingerprints", "0000000000000000000000000000000000000000, " + acme.fingerprint().toLowerCase());

        refused(verifier(acme).verify(ZIP, Optional.of(acme.sign(ZIP))), Refusal.REVOKED);
    }

    @Test
    void aZipWhoseSha256IsRevokedIsRefusedThoughWellSigned() throws IOException {
        settings.put("plugins.trust.revoked_sha256", ZipVerifier.sha256(ZIP).toUpperCase());

        TrustVerdict.Refused refused = refused(verifier(acme).verify(ZIP, Optional.of(acme.sign(ZIP))), Refusal.REVOKED);

        assertTrue(refused.detail().contains(ZipVerifier.sha256(ZIP)), refused.detail());
    }

    @Test
    void aVersionBelowTheCarriersMinimumIsRefused() throws IOException {
        settings.put("plugins.trust.min_version.acme-voice", "1.10.0");
        ZipVerifier verifier = verifier(acme);
        TrustVerdict signed = verifier.verify(ZIP, Optional.of(acme.sign(ZIP)));

        refused(verifier.admit(signed, "acme-voice", "1.9.3"), Refusal.DOWNGRADE);
        assertInstanceOf(TrustVerdict.Trusted.class, verifier.admit(signed, "acme-voice", "1.10.0"));
    }

    @Test
    void underWarnARefusedZipIsAdmittedAndSaysWhy() throws IOException {
        settings.put("plugins.trust.mode", "warn");
        TestKeys stranger = TestKeys.generate("Stranger <s@example.org>");

        TrustVerdict verdict = verifier(acme).verify(ZIP, Optional.of(stranger.sign(ZIP)));

        TrustVerdict.Refused refused = assertInstanceOf(TrustVerdict.Refused.class, verdict);
        assertTrue(refused.admitted());
        assertEquals(Refusal.NOT_TRUSTED, refused.reason());
    }

    @Test
    void underOffNothingIsRead() throws IOException {
        settings.put("plugins.trust.mode", "off");

        assertInstanceOf(TrustVerdict.Unsigned.class, verifier(acme).verify(ZIP, Optional.of("garbage".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void carrierPatternsMatchWholeIdsWithStarsAndAlternatives() {
        assertTrue(ZipVerifier.matches("acme*", "acme-voice"));
        assertTrue(ZipVerifier.matches("acme", "acme"));
        assertFalse(ZipVerifier.matches("acme", "acme2"));
        assertTrue(ZipVerifier.matches("mock, acme*", "mock"));
        assertFalse(ZipVerifier.matches("acme*", "xacme"));
        assertFalse(ZipVerifier.matches("a.c", "abc"));
    }

    @Test
    void aSignerFingerprintThatIsAShortKeyIdIsASettingError() {
        settings.put("plugins.trust.signer.acme.fingerprint", acme.fingerprint().substring(24));

        org.junit.jupiter.api.Assertions.assertThrows(org.carrierhost.host.config.InvalidSettingException.class,
                () -> HostConfiguration.of(settings).settings());
    }

    @Test
    void fingerprintsAreComparedWithoutSpacesOrCase() {
        assertEquals("ABCD", TrustSettings.fingerprint("ab cd"));
    }
}
