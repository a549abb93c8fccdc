package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.carrierhost.host.config.InvalidSettingException;
import org.carrierhost.host.config.TlsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the start-up check says of each kind of keystore an operator may hand the host. */
class KeystoreCheckTest {

    @TempDir
    Path keys;

    private static TlsSettings tls(Path keystore, String password, String alias) {
        return new TlsSettings(keystore, Optional.ofNullable(password), "PKCS12", Optional.ofNullable(alias));
    }

    @Test
    void aGoodKeystoreWithOneKeyPassesWithoutAnAlias() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host");

        assertEquals(List.of(), KeystoreCheck.check(tls(keystore, Keystores.PASSWORD, null), Instant.now()));
    }

    @Test
    void aMissingFileNamesTheKeystoreKey() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> KeystoreCheck.check(tls(keys.resolve("absent.p12"), Keystores.PASSWORD, null), Instant.now()));

        assertEquals("http.tls.keystore", e.key());
        assertTrue(e.getMessage().contains("no file at"), e.getMessage());
    }

    @Test
    void aFileThatIsNoKeystoreNamesTheKeystoreKey() throws Exception {
        Path junk = Files.writeString(keys.resolve("junk.p12"), "not a keystore");

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> KeystoreCheck.check(tls(junk, Keystores.PASSWORD, null), Instant.now()));

        assertEquals("http.tls.keystore", e.key());
        assertTrue(e.getMessage().contains("is not a readable PKCS12 keystore"), e.getMessage());
    }

    @Test
    void aWrongPasswordIsToldApartFromAnUnsetOne() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host");

        InvalidSettingException wrong = assertThrows(InvalidSettingException.class,
                () -> KeystoreCheck.check(tls(keystore, "not-the-password", null), Instant.now()));
        InvalidSettingException unset = assertThrows(InvalidSettingException.class,
                () -> KeystoreCheck.check(tls(keystore, null, null), Instant.now()));

        assertEquals("http.tls.keystore_password", wrong.key());
        assertTrue(wrong.getMessage().contains("wrong password"), wrong.getMessage());
        assertEquals("http.tls.keystore_password", unset.key());
        assertTrue(unset.getMessage().contains("not set"), unset.getMessage());
    }

    @Test
    void aWrongAliasListsTheKeysThereAre() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host");

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> KeystoreCheck.check(tls(keystore, Keystores.PASSWORD, "other"), Instant.now()));

        assertEquals("http.tls.key_alias", e.key());
        assertTrue(e.getMessage().contains("no key 'other'") && e.getMessage().contains("its keys: host"), e.getMessage());
    }

    @Test
    void twoKeysNeedAnAliasAndServeTheOneItNames() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "first");
        Keystores.make(keystore, "second", "CN=localhost", null, 400);

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> KeystoreCheck.check(tls(keystore, Keystores.PASSWORD, null), Instant.now()));

        assertEquals("http.tls.key_alias", e.key());
        assertTrue(e.getMessage().contains("holds 2 keys"), e.getMessage());
        assertEquals(List.of(), KeystoreCheck.check(tls(keystore, Keystores.PASSWORD, "second"), Instant.now()));
    }

    @Test
    void anExpiredCertificateIsAnError() throws Exception {
        Path keystore = Keystores.make(keys.resolve("old.p12"), "host", "CN=127.0.0.1", "-10d", 2);

        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> KeystoreCheck.check(tls(keystore, Keystores.PASSWORD, null), Instant.now()));

        assertEquals("http.tls.keystore", e.key());
        assertTrue(e.getMessage().contains("expired at"), e.getMessage());
    }

    @Test
    void aCertificateNearItsEndIsAWarning() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host", "CN=127.0.0.1", null, 400);
        Instant notAfter = Keystores.certificate(keystore, "host").getNotAfter().toInstant();

        List<String> farFromIt = KeystoreCheck.check(tls(keystore, Keystores.PASSWORD, null), Instant.now());
        List<String> near = KeystoreCheck.check(tls(keystore, Keystores.PASSWORD, null), notAfter.minus(10, ChronoUnit.DAYS));

        assertEquals(List.of(), farFromIt);
        assertEquals(1, near.size(), near.toString());
        assertTrue(near.get(0).startsWith("http.tls.keystore: ") && near.get(0).contains("expires at"), near.get(0));
    }
}
