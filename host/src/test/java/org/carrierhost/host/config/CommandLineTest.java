package org.carrierhost.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.CarrierSetting;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void flagsBecomeSettings() {
        CommandLine line = CommandLine.parse(List.of("--config", "c.properties", "--plugins-dir", "p", "--data-dir=d",
                "--port", "0", "--bind", "0.0.0.0", "--set", "search.timeout_ms=9"));

        assertEquals(Optional.of("c.properties"), line.configFile());
        assertEquals(Map.of("plugins.dir", "p", "data.dir", "d", "http.port", "0", "http.bind", "0.0.0.0",
                "search.timeout_ms", "9"), line.settings());
    }

    @Test
    void anUnknownFlagIsRefused() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> CommandLine.parse(List.of("--prot", "1")));
        assertEquals("--prot", e.key());
    }

    @Test
    void aFlagWithoutItsValueIsRefused() {
        assertThrows(InvalidSettingException.class, () -> CommandLine.parse(List.of("--port")));
    }

    @Test
    void helpIsRecognised() {
        assertTrue(CommandLine.parse(List.of("--help")).help());
    }

    @Test
    void theHelpsSynopsisListsSet() {
        assertTrue(CommandLine.USAGE.lines().limit(2).anyMatch(line -> line.contains("[--set KEY=VALUE]")), CommandLine.USAGE);
    }

    @Test
    void theHelpListsEverySettingWithItsTypeAndDefault() {
        for (Setting<?> setting : Settings.all()) {
            String line = CommandLine.USAGE.lines().filter(l -> l.startsWith("  " + setting.key() + "  ")).findFirst()
                    .orElseThrow(() -> new AssertionError(setting.key() + " is not in --help"));
            assertTrue(line.contains(setting.type().describe()), line);
            setting.defaultText().filter(d -> !d.isEmpty()).ifPresent(d -> assertTrue(line.contains("default " + d), line));
        }
    }

    @Test
    void theHelpMarksSecretsAndShowsNoSecretValue() {
        String line = CommandLine.USAGE.lines().filter(l -> l.startsWith("  store.password  ")).findFirst().orElseThrow();

        assertTrue(line.contains("secret") && line.contains("default empty"), line);
    }

    @Test
    void theHelpListsTheKeysACarrierDeclaresWithRequiredMarksAndNoSecretDefault() {
        DeclaredSettings tuned = new DeclaredSettings("tuned", List.of(
                CarrierSetting.url("base_url", "where its API is").asRequired(),
                CarrierSetting.millis("timeout_ms", 1, 60_000, 5000, "how long a call may take"),
                CarrierSetting.text("token", "its API token").asSecret().withDefault("dev-token-1")));

        String help = CommandLine.usage(List.of(tuned, DeclaredSettings.none("plain")), List.of("broken.zip: no plugin descriptor"));

        assertTrue(help.contains("  carrier.tuned.base_url *  (http(s) URL; unset by default)"), help);
        assertTrue(help.contains("      where its API is"), help);
        assertTrue(help.contains("  carrier.tuned.timeout_ms  (milliseconds from 1 to 60000; default 5000)"), help);
        assertTrue(help.lines().anyMatch(l -> l.startsWith("  carrier.tuned.token  (") && l.contains("secret")), help);
        assertTrue(!help.contains("dev-token-1"), help);
        assertTrue(help.contains("  carrier.plain.*  declares no settings"), help);
        assertTrue(help.contains("  not read: broken.zip: no plugin descriptor"), help);
    }

    @Test
    void thePluginsDirFlagIsKnownToTheHelp() {
        assertEquals(Optional.of("p"), CommandLine.parse(List.of("--help", "--plugins-dir", "p")).pluginsDir());
        assertEquals(Optional.empty(), CommandLine.parse(List.of("--help")).pluginsDir());
    }
}
