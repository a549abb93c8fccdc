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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's settings reference and the distribution's settings file agree with {@link Settings}. */
class SettingsReferenceTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path DIST_CONF = Path.of("..", "dist", "src", "main", "dist", "conf", "carrier-host.properties");

    @TempDir
    Path dir;

    @Test
    void theReadmeListsExactlyTheKeysOfTheTable() throws IOException {
        Map<String, String> readme = readmeDefaults();
        TreeSet<String> missing = new TreeSet<>();
        Settings.all().forEach(s -> missing.add(s.key()));
        missing.removeAll(readme.keySet());
        TreeSet<String> extra = new TreeSet<>(readme.keySet());
        Settings.all().forEach(s -> extra.remove(s.key()));

        assertTrue(missing.isEmpty(), "the README's settings table lacks " + missing);
        assertTrue(extra.isEmpty(), "the README's settings table lists keys that are no settings: " + extra);
    }

    @Test
    void theReadmeGivesEachKeyTheDefaultOfTheTable() throws IOException {
        Map<String, String> readme = readmeDefaults();
        for (Setting<?> setting : Settings.all()) {
            String cell = readme.getOrDefault(setting.key(), "");
            Optional<String> shown = cell.startsWith("`") ? Optional.of(cell.substring(1, cell.indexOf('`', 1)))
                    : Optional.empty();
            assertEquals(setting.defaultText().filter(d -> !d.isEmpty()), shown,
                    setting.key() + ": the README's default cell is '" + cell + "'");
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

    /** Each row of the README's settings table: key, and its default cell. */
    private static Map<String, String> readmeDefaults() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("| key | default | meaning |");
        assertTrue(start >= 0, "the README has no settings table headed '| key | default | meaning |'");
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
