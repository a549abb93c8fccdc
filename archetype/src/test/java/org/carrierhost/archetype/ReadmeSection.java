package org.carrierhost.archetype;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One section of a Markdown page (a {@code # } or {@code ## } heading and what follows it up to the next
 * heading of that level or above), and the shell commands of its {@code ```sh} blocks: a line ending in a
 * backslash continues on the next, and {@code #} comments and blank lines are left out.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param title    the section's title
 * @param commands its shell commands, in order
 */
record ReadmeSection(String title, List<String> commands) {

    ReadmeSection {
        commands = List.copyOf(commands);
    }

    /** The section titled {@code title} of the Markdown file {@code readme}. */
    static ReadmeSection read(Path readme, String title) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        String heading = lines.contains("# " + title) ? "# " : "## ";
        int start = lines.indexOf(heading + title);
        if (start < 0) {
            throw new IllegalStateException(readme + " has no section '# " + title + "' or '## " + title + "'");
        }
        List<String> commands = new ArrayList<>();
        boolean inShell = false;
        StringBuilder command = new StringBuilder();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!inShell && (line.startsWith(heading) || line.startsWith("# "))) {
                break;
            }
            if (line.startsWith("```")) {
                inShell = !inShell && line.equals("```sh");
                continue;
            }
            String text = line.strip();
            if (!inShell || (command.isEmpty() && (text.isEmpty() || text.startsWith("#")))) {
                continue;
            }
            if (text.endsWith("\\")) {
                command.append(text, 0, text.length() - 1).append(' ');
            } else {
                commands.add(command.append(text).toString().replaceAll("\\s+", " "));
                command.setLength(0);
            }
        }
        return new ReadmeSection(title, commands);
    }
}
