package org.carrierhost.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostConfigurationTest {

    @TempDir
    Path dir;

    private HostSettings load(String file, Map<String, String> env, Map<String, String> system, Map<String, String> flags)
            throws Exception {
        Path config = dir.resolve("carrier-host.properties");
        Files.writeString(config, file);
        return HostConfiguration.load(Optional.of(config), true, dir, env, system, flags).settings();
    }

    @Test
    void defaultsServeOnLoopback8080WithFiveSecondSearches() {
        HostSettings settings = HostConfiguration.of(Map.of()).settings();

        assertEquals(8080, settings.http().port());
        assertEquals("127.0.0.1", settings.http().bind());
        assertEquals(Duration.ofSeconds(5), settings.search().timeout());
        assertEquals(Path.of("plugins-dir"), settings.plugins().dir());
    }

    @Test
    void anUnknownKeyStopsTheStartNamingTheKnownKeyItIsCloseTo() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HostConfiguration.of(Map.of("search.timeout", "1")).settings());

        assertEquals("search.timeout", e.key());
        assertTrue(e.getMessage().endsWith("did you mean search.timeout_ms?"), e.getMessage());
    }

    @Test
    void anUnknownKeyFarFromAnyKnownOneGetsNoSuggestion() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HostConfiguration.of(Map.of("foo.bar", "1")).settings());

        assertEquals("foo.bar", e.key());
        assertTrue(!e.getMessage().contains("did you mean"), e.getMessage());
    }

    @Test
    void theJvmsOwnHttpPropertiesAreNotTakenForHostSettings() {
        HostSettings settings = HostConfiguration.load(Optional.empty(), false, Path.of("."), Map.of(),
                Map.of("http.proxyHost", "proxy.example", "http.agent", "x"), Map.of()).settings();

        assertEquals(8080, settings.http().port());
    }

    @Test
    void flagsBeatSystemPropertiesWhichBeatTheEnvironmentWhichBeatsTheFile() throws Exception {
        String file = "http.port=1001\nsearch.timeout_ms=1001\nhttp.threads=4\ncarriers.order=a\n";
        Map<String, String> env = Map.of("CARRIER_HOST_HTTP_PORT", "1002", "CARRIER_HOST_SEARCH_TIMEOUT_MS", "1002",
                "CARRIER_HOST_HTTP_THREADS", "5");
        Map<String, String> system = Map.of("http.port", "1003", "search.timeout_ms", "1003");
        Map<String, String> flags = Map.of("http.port", "1004");

        HostSettings settings = load(file, env, system, flags);

        assertEquals(1004, settings.http().port());
        assertEquals(Duration.ofMillis(1003), settings.search().timeout());
        assertEquals(5, settings.http().threads());
        assertEquals(List.of("a"), settings.search().carriersOrder());
    }

    @Test
    void carrierKeysFormEachCarriersSectionAlsoFromTheEnvironment() throws Exception {
        HostSettings settings = load("carrier.bandwidth.base_url=http://x/api\n",
                Map.of("CARRIER_HOST_CARRIER_BANDWIDTH_ORDER_TIMEOUT_MS", "9"), Map.of(), Map.of());

        assertEquals(Optional.of("http://x/api"), settings.carrier("bandwidth").get("base_url"));
        assertEquals(Optional.of("9"), settings.carrier("bandwidth").get("order_timeout_ms"));
    }

    @Test
    void relativePathsInTheFileAreRelativeToTheHomeAndFlagsToTheWorkingDirectory() throws Exception {
        HostSettings settings = load("plugins.dir=plugins\ndata.dir=data\n", Map.of(), Map.of(), Map.of("data.dir", "data"));

        assertEquals(dir.resolve("plugins"), settings.plugins().dir());
        assertEquals(Path.of("data"), settings.dataDir(), "a flag with the same value as the file is still the flag's");
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingTheKey() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HostConfiguration.of(Map.of("http.port", "eighty")).settings());

        assertEquals("http.port", e.key());
        assertTrue(e.getMessage().contains("'eighty'"), e.getMessage());
    }

    @Test
    void aNodeIdWithCharactersOutsideItsRuleIsRefusedNamingTheKey() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HostConfiguration.of(Map.of("cluster.node_id", "a b/c")).settings());

        assertEquals("cluster.node_id", e.key());
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        assertThrows(InvalidSettingException.class, () -> HostConfiguration.of(Map.of("http.port", "70000")).settings());
    }

    @Test
    void aNamedTokenNeedsARoleAndALongSecret() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HostConfiguration.of(Map.of("auth.token.ci", "root:short")).settings());

        assertEquals("auth.token.ci", e.key());
    }

    @Test
    void aMissingConfigFileNamedOnTheCommandLineIsRefused() {
        assertThrows(InvalidSettingException.class, () -> HostConfiguration.load(Optional.of(dir.resolve("nope.properties")),
                true, dir, Map.of(), Map.of(), Map.of()));
    }

    @Test
    void secretsAreMaskedForDisplay() {
        assertEquals(Map.of("password", "********", "base_url", "http://x", "api_key", "********", "breaker.window", "4"),
                HostConfiguration.masked("bw", new org.carrierhost.api.CarrierConfig(
                        Map.of("password", "p", "base_url", "http://x", "api_key", "k", "breaker.window", "4"))));
    }

    @Test
    void aNumberOutOfItsBoundsIsRefusedNamingTheKeyTheValueAndTheBounds() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HostConfiguration.of(Map.of("store.pool_size", "0")).settings());

        assertEquals("store.pool_size", e.key());
        assertTrue(e.getMessage().contains("from 1 to 1000") && e.getMessage().contains("got '0'"), e.getMessage());
    }

    @Test
    void aCarriersBreakerKeyIsParsedByTheTableNamingTheWholeKey() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HostConfiguration.of(Map.of("carrier.bw.breaker.failure_rate", "101")).settings());

        assertEquals("carrier.bw.breaker.failure_rate", e.key());
        assertTrue(e.getMessage().contains("from 1 to 100"), e.getMessage());
    }

    @Test
    void aTypoInABreakerKeyIsUnknownNotTakenForTheCarriersOwnKey() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HostConfiguration.of(Map.of("carrier.bw.breaker.windw", "4")).settings());

        assertEquals("carrier.bw.breaker.windw", e.key());
        assertTrue(e.getMessage().endsWith("did you mean carrier.bw.breaker.window?"), e.getMessage());
    }

    @Test
    void aWrongSecretIsRefusedWithoutShowingIt() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HostConfiguration.of(Map.of("admin.token", "short-secret")).settings());

        assertEquals("admin.token", e.key());
        assertFalse(e.getMessage().contains("short-secret"), e.getMessage());
    }

    @Test
    void theSettingsShownForLogsHaveTheirSecretsMasked() {
        Map<String, String> shown = HostConfiguration.of(Map.of("store.password", "hunter2-hunter2",
                "carrier.bw.password", "pw", "carrier.bw.base_url", "http://x")).shown();

        assertEquals("********", shown.get("store.password"));
        assertEquals("********", shown.get("carrier.bw.password"));
        assertEquals("http://x", shown.get("carrier.bw.base_url"));
        assertFalse(shown.containsKey("http.port"), "defaults are not repeated");
    }

    @Test
    void theTypedSettingsPrintNoSecret() {
        String printed = HostConfiguration.of(Map.of("store.password", "hunter2-store", "admin.token", "hunter2-admin-token",
                "auth.token.ci", "viewer:hunter2-viewer-secret", "http.tls.keystore", "k.p12",
                "http.tls.keystore_password", "hunter2-tls", "carrier.bw.password", "hunter2-carrier")).settings().toString();

        assertFalse(printed.contains("hunter2"), printed);
    }

    @Test
    void aKeystoreTypeIsOneOfTheAllowedValuesInAnyCase() {
        HostSettings settings = HostConfiguration.of(Map.of("http.tls.keystore", "k.p12", "http.tls.keystore_type", "jks"))
                .settings();

        assertEquals("JKS", settings.http().tls().orElseThrow().keystoreType());
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HostConfiguration.of(Map.of("http.tls.keystore_type", "PEM")).settings());
        assertTrue(e.getMessage().contains("one of PKCS12, JKS"), e.getMessage());
    }

    @Test
    void aNodeIsForgottenOnlyAfterItIsDown() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> HostConfiguration.of(
                Map.of("cluster.down_after_ms", "5000", "cluster.forget_after_ms", "5000")).settings());

        assertEquals("cluster.forget_after_ms", e.key());
        assertTrue(e.getMessage().contains("must be longer than cluster.down_after_ms"), e.getMessage());
        assertEquals(java.time.Duration.ofDays(1), HostConfiguration.of(Map.of()).settings().cluster().forgetAfter());
    }
}
