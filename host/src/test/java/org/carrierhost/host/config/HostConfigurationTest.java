package org.carrierhost.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals(Duration.ofSeconds(5), settings.searchTimeout());
        assertEquals(Path.of("plugins-dir"), settings.pluginsDir());
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
    void everyHostKeyIsInTheReadmeSettingsReference() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));

        for (String key : HostConfiguration.knownKeys()) {
            assertTrue(readme.contains("`" + key + "`"), key + " is missing from the README's settings table");
        }
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
        assertEquals(Duration.ofMillis(1003), settings.searchTimeout());
        assertEquals(5, settings.http().threads());
        assertEquals(List.of("a"), settings.carriersOrder());
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

        assertEquals(dir.resolve("plugins"), settings.pluginsDir());
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
        assertEquals(Map.of("password", "********", "base_url", "http://x", "api_key", "********"),
                HostConfiguration.masked(new org.carrierhost.api.CarrierConfig(
                        Map.of("password", "p", "base_url", "http://x", "api_key", "k"))));
    }
}
