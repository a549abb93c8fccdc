package org.carrierhost.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.carrierhost.host.Documentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings reference of the docs (docs/operating.md) and the distribution's settings file agree with {@link Settings}. */
class SettingsReferenceTest {

    private static final Path DIST_CONF = Path.of("..", "dist", "src", "main", "dist", "conf", "carrier-host.properties");

    @TempDir
    Path dir;

    @Test
    void theDocsListExactlyTheKeysOfTheTable() throws IOException {
        Map<String, String> documented = documentedDefaults();
        TreeSet<String> missing = new TreeSet<>();
        Settings.all().forEach(s -> missing.add(s.key()));
        missing.removeAll(documented.keySet());
        TreeSet<String> extra = new TreeSet<>(documented.keySet());
        Settings.all().forEach(s -> extra.remove(s.key()));

        assertTrue(missing.isEmpty(), "the docs' settings table lacks " + missing);
        assertTrue(extra.isEmpty(), "the docs' settings table lists keys that are no settings: " + extra);
    }

    @Test
    void theDocsGiveEachKeyTheDefaultOfTheTable() throws IOException {
        Map<String, String> documented = documentedDefaults();
        for (Setting<?> setting : Settings.all()) {
            String cell = documented.getOrDefault(setting.key(), "");
            Optional<String> shown = cell.startsWith("`") ? Optional.of(cell.substring(1, cell.indexOf('`', 1)))
                    : Optional.empty();
            assertEquals(setting.defaultText().filter(d -> !d.isEmpty()), shown,
                    setting.key() + ": the docs' default cell is '" + cell + "'");
        }
    }

    @Test
    void theDistributionsSettingsFileHoldsOnlyKnownKeysWithGoodValuesCommentedOrNot() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(DIST_CONF)) {
            // "#key=value" is a setting left at its example; "# words" is a comment.
            lines.add(line.matches("#[a-z][a-z0-9_.]*=.*") ? line.substring(1) : line);
        }
        Path uncommented = Files.write(dir.resolve("carrier-host.properties"), lines);

        HostSettings settings = HostConfiguration.load(Optional.of(uncommented), true, dir, Map.of(), Map.of(), Map.of())
                .settings();

        assertEquals(dir.resolve("plugins"), settings.plugins().dir());
    }

    /** Each row of the docs' settings table: key, and its default cell. */
    private static Map<String, String> documentedDefaults() throws IOException {
        List<String> lines = Documentation.lines();
        int start = lines.indexOf("| key | default | meaning |");
        assertTrue(start >= 0, "the docs have no settings table headed '| key | default | meaning |'");
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("(?<!\\\\)\\|");
            String key = cells[1].strip();
            assertTrue(key.matches("`[^`]+`"), "one key per row, in backticks: " + lines.get(i));
            rows.put(key.substring(1, key.length() - 1), cells[2].strip());
        }
        return rows;
    }
}
