package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.carrierhost.host.config.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25: {@code --help --plugins-dir DIR} lists, after the host's settings, the keys the real plugin zips in DIR
 * declare, read without starting any carrier and without changing the directory.
 */
class MainHelpTest {

    @TempDir
    Path plugins;

    @Test
    void theHelpWithAPluginsDirListsTheKeysItsZipsDeclare() throws Exception {
        TestPlugins.copyBuilt(plugins, "bandwidth");
        TestPlugins.copyMock(plugins);
        Files.writeString(plugins.resolve("broken.zip"), "not a zip");
        List<String> before = listing();

        String help = Main.help(CommandLine.parse(List.of("--help", "--plugins-dir", plugins.toString())));

        assertTrue(help.startsWith(CommandLine.USAGE), "the host's settings come first");
        assertTrue(help.contains("  carrier.bandwidth.base_url *  (http(s) URL"), help);
        assertTrue(help.contains("  carrier.bandwidth.account_id *  ("), help);
        assertTrue(help.lines().anyMatch(l -> l.startsWith("  carrier.bandwidth.password  (") && l.contains("secret")), help);
        assertTrue(help.contains("  carrier.mock.latency_ms  (whole number"), help);
        assertTrue(help.lines().anyMatch(l -> l.startsWith("  not read: broken.zip: ")), help);
        assertEquals(before, listing());
    }

    @Test
    void theHelpWithoutAPluginsDirIsTheHostsSettingsAlone() {
        assertEquals(CommandLine.USAGE, Main.help(CommandLine.parse(List.of("--help"))));
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> files = Files.list(plugins)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
