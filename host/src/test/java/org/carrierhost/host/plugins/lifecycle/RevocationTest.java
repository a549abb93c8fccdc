package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.plugins.trust.TestKeys;
import org.carrierhost.host.plugins.trust.ZipVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** A revocation taking effect on a running carrier when the trust policy is read again ({@code plugins.trust.on_revocation}). */
class RevocationTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;
    private CarrierHost host;
    private TestKeys acme;
    private Path keyring;
    private Path zip;
    private final Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);

    @BeforeEach
    void aMockSignedByATrustedKey() throws Exception {
        acme = TestKeys.generate("Acme <release@acme.example>");
        keyring = elsewhere.resolve("trusted.asc");
        settings.putAll(acme.enforcing(keyring, "mock*"));
        zip = Files.copy(TestPlugins.mockVariant(elsewhere, "mock", "1.0.0"), plugins.resolve("carrier-mock-1.0.0.zip"));
        Files.write(plugins.resolve("carrier-mock-1.0.0.zip.asc"), acme.sign(Files.readAllBytes(zip)));
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private ApiClient started() {
        ApiClient api = ApiClient.of(host);
        Await.until(Duration.ofSeconds(15), () -> "trusted".equals(mock(api).path("signature").path("status").asText()),
                () -> mock(api).toString());
        return api;
    }

    private static JsonNode mock(ApiClient api) {
        return api.get("/api/carriers/mock").json();
    }

    private static JsonNode awaitRefused(ApiClient api) {
        Await.until(Duration.ofSeconds(15), () -> "refused".equals(mock(api).path("signature").path("status").asText()),
                () -> mock(api).toString());
        return mock(api);
    }

    @Test
    void aSignerRevokedInTheKeyringUnderWarnIsShownRefusedAndServesOn() throws Exception {
        host = TestHosts.start(plugins, data, settings);
        ApiClient api = started();

        TestKeys.writeKeyring(keyring, acme.revoke());

        JsonNode mock = awaitRefused(api);
        assertEquals("revoked", mock.path("signature").path("reason").asText(), mock.toString());
        assertEquals("STARTED", mock.path("state").asText(), "under warn it serves on");
        assertEquals(10, api.get("/api/numbers?prefix=415&quantity=10").json().path("numbers").size());
        Await.until(Duration.ofSeconds(5), () -> TestHosts.eventCount(host, "verify", "mock 1.0.0") == 1,
                () -> "one verify event for the revocation");
    }

    @Test
    void aSignerRevokedInTheKeyringUnderDisableDisablesTheRunningCarrierAsTheDisableVerbDoes() throws Exception {
        settings.put("plugins.trust.on_revocation", "disable");
        host = TestHosts.start(plugins, data, settings);
        ApiClient api = started();
        byte[] trusting = Files.readAllBytes(keyring);

        TestKeys.writeKeyring(keyring, acme.revoke());

        Await.until(Duration.ofSeconds(15), () -> "DISABLED".equals(mock(api).path("state").asText()), () -> mock(api).toString());
        assertEquals(0, api.get("/api/numbers?prefix=415&quantity=10").json().path("numbers").size());
        host.close();
        Files.write(keyring, trusting); // trusted again: only the kept disable holds it back
        host = TestHosts.start(plugins, data, settings);
        ApiClient again = ApiClient.of(host);
        Await.until(Duration.ofSeconds(15), () -> "DISABLED".equals(mock(again).path("state").asText()), () -> mock(again).toString());
    }

    @Test
    void aZipSha256RevokedInTheSettingsFileTakesEffectWithoutARestart() throws Exception {
        settings.put("plugins.trust.on_revocation", "disable");
        Path conf = elsewhere.resolve("host.properties");
        Files.writeString(conf, "plugins.trust.on_revocation=disable\n");
        Map<String, String> flags = new LinkedHashMap<>(settings);
        flags.remove("plugins.trust.on_revocation");
        flags.put("http.port", "0");
        flags.put("admin.token", TestHosts.ADMIN_TOKEN);
        flags.put("plugins.dir", plugins.toString());
        flags.put("data.dir", data.toString());
        flags.putAll(TestHosts.IN_HOST);
        host = CarrierHost.start(HostConfiguration.load(Optional.of(conf), true, elsewhere, Map.of(), Map.of(), flags).settings());
        ApiClient api = started();

        Files.writeString(conf, "plugins.trust.on_revocation=disable\nplugins.trust.revoked_sha256="
                + ZipVerifier.sha256(Files.readAllBytes(zip)) + "\n");

        Await.until(Duration.ofSeconds(15), () -> "DISABLED".equals(mock(api).path("state").asText()), () -> mock(api).toString());
        assertEquals("revoked", mock(api).path("signature").path("reason").asText(), mock(api).toString());
    }

    /** Starts the host on the mock as a first install on probation: its self-test fails, so it is PROBING. */
    private ApiClient onProbation() {
        settings.putAll(Map.of("plugins.selftest.before_serving", "true", "carrier.mock.bad_credentials", "true",
                "plugins.selftest.retry_ms", "60000", "plugins.selftest.retry_max_ms", "60000"));
        host = TestHosts.start(plugins, data, settings);
        ApiClient api = started();
        assertEquals("PROBING", mock(api).path("state").asText(), mock(api).toString());
        return api;
    }

    @Test
    void aSignerRevokedUnderWarnIsShownRefusedOnAFirstInstallOnProbation() throws Exception {
        ApiClient api = onProbation();

        TestKeys.writeKeyring(keyring, acme.revoke());

        JsonNode mock = awaitRefused(api);
        assertEquals("revoked", mock.path("signature").path("reason").asText(), mock.toString());
        assertEquals("PROBING", mock.path("state").asText(), "under warn it stays on probation");
    }

    @Test
    void aSignerRevokedUnderDisableDisablesAFirstInstallOnProbation() throws Exception {
        settings.put("plugins.trust.on_revocation", "disable");
        ApiClient api = onProbation();

        TestKeys.writeKeyring(keyring, acme.revoke());

        Await.until(Duration.ofSeconds(15), () -> "DISABLED".equals(mock(api).path("state").asText()), () -> mock(api).toString());
        assertEquals("revoked", mock(api).path("signature").path("reason").asText(), mock(api).toString());
    }
}
