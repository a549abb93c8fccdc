package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.carrierhost.host.http.Keystores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each TLS mistake an operator can make stops the launcher with exit code 2 before any plugin loads, with one line
 * naming the key and the reason and no stack trace, so a service manager does not restart it for ever.
 */
class TlsStartupTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path keys;

    private String failsToStart(String key, String... sets) throws Exception {
        TestPlugins.copyMock(plugins);
        try (HostProcess host = HostProcess.start(plugins, data, sets)) {
            Integer exit = host.awaitExit(60);
            String output = host.output();
            assertEquals(Integer.valueOf(Main.BAD_SETTINGS), exit, output);
            assertTrue(output.contains("carrier-host: cannot start: " + key + ": "), output);
            assertFalse(output.contains("Exception") || output.contains("\tat "), "a stack trace: " + output);
            assertFalse(Files.exists(data.resolve("plugins-work")), "a plugin was unpacked before the check: " + output);
            assertFalse(output.contains("carrier mock"), output);
            return output;
        }
    }

    @Test
    void noKeystoreFileExitsTwoNamingTheKeystore() throws Exception {
        String output = failsToStart("http.tls.keystore", "http.tls.keystore=" + keys.resolve("absent.p12"),
                "http.tls.keystore_password=" + Keystores.PASSWORD);

        assertTrue(output.contains("no file at " + keys.resolve("absent.p12")), output);
    }

    @Test
    void aWrongPasswordExitsTwoNamingThePassword() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host");

        String output = failsToStart("http.tls.keystore_password", "http.tls.keystore=" + keystore,
                "http.tls.keystore_password=not-the-password");

        assertTrue(output.contains("wrong password for the keystore"), output);
    }

    @Test
    void anUnsetPasswordExitsTwoSayingItIsNotSet() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host");

        String output = failsToStart("http.tls.keystore_password", "http.tls.keystore=" + keystore);

        assertTrue(output.contains("not set, and the keystore"), output);
    }

    @Test
    void aWrongAliasExitsTwoNamingTheAlias() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host");

        String output = failsToStart("http.tls.key_alias", "http.tls.keystore=" + keystore,
                "http.tls.keystore_password=" + Keystores.PASSWORD, "http.tls.key_alias=web");

        assertTrue(output.contains("no key 'web'"), output);
    }

    @Test
    void anExpiredCertificateExitsTwoSayingWhen() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host", "CN=127.0.0.1", "-10d", 2);

        String output = failsToStart("http.tls.keystore", "http.tls.keystore=" + keystore,
                "http.tls.keystore_password=" + Keystores.PASSWORD);

        assertTrue(output.contains("expired at"), output);
    }
}
