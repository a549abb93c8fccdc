package org.carrierhost.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Markdown page of the repository's documentation and its steps: its {@code ```sh} blocks, each with how the
 * {@code <!-- example: ... -->} comments right before it say to run it, and its {@code <!-- example: stop -->}
 * comments, in the page's order.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param name  the page's path from the repository root, {@code docs/carriers.md}
 * @param steps its steps, in order
 */
record DocumentedPage(String name, List<DocumentedStep> steps) {

    private static final Pattern COMMENT = Pattern.compile("^\\s*<!-- example: (.*?) -->\\s*$");
    private static final Pattern INDEX_LINK = Pattern.compile("^\\|\\s*\\[[^]]*]\\(([a-z0-9-]+\\.md)\\)");
    private static final Set<String> OTHER_SHELLS = Set.of("bash", "shell", "console", "zsh", "shell-session", "shellsession");

    DocumentedPage {
        steps = List.copyOf(steps);
    }

    /**
     * The README, then the pages of {@code docs/}: the index {@code docs/README.md} and the pages its table lists,
     * in its order.
     *
     * @throws IllegalStateException when a page of {@code docs/} is not in the index, or a page's comments are wrong
     */
    static List<DocumentedPage> readAll(Path root) throws IOException {
        Path docs = root.resolve("docs");
        Set<String> order = new LinkedHashSet<>(List.of("README.md"));
        for (String line : Files.readAllLines(docs.resolve("README.md"))) {
            Matcher link = INDEX_LINK.matcher(line);
            if (link.find()) {
                order.add(link.group(1));
            }
        }
        try (Stream<Path> files = Files.list(docs)) {
            List<String> unlisted = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".md") && !order.contains(n)).sorted().toList();
            if (!unlisted.isEmpty()) {
                throw new IllegalStateException("docs/README.md's table does not list " + unlisted
                        + ", so no reader (and no test) reaches their examples in order");
            }
        }
        List<DocumentedPage> pages = new ArrayList<>(List.of(read(root, root.resolve("README.md"))));
        for (String page : order) {
            pages.add(read(root, docs.resolve(page)));
        }
        return pages;
    }

    /** One page. */
    static DocumentedPage read(Path root, Path file) throws IOException {
        String name = root.relativize(file).toString();
        List<String> lines = Files.readAllLines(file);
        List<DocumentedStep> steps = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = name + ":" + (i + 1);
            Matcher comment = COMMENT.matcher(line);
            if (comment.matches()) {
                if (comment.group(1).strip().equals("stop")) {
                    requireNothingPending(pending, name + ":" + pendingLine);
                    steps.add(new DocumentedStep.Stop(where));
                } else {
                    pending.add(comment.group(1));
                    pendingLine = i + 1;
                }
            } else if (line.strip().startsWith("<!-- example")) {
                throw new IllegalStateException(where + ": not a comment of the form <!-- example: ... -->: " + line);
            } else if (line.strip().startsWith("```")) {
                String language = line.strip().substring(3).strip();
                int open = i;
                StringBuilder text = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                if (i == lines.size()) {
                    throw new IllegalStateException(where + ": the block is never closed");
                }
                if (OTHER_SHELLS.contains(language)) {
                    throw new IllegalStateException(where + ": a ```" + language + " block; write shell as ```sh, which the test runs");
                }
                if (language.equals("sh")) {
                    ExampleRun run;
                    try {
                        run = pending.isEmpty() ? ExampleRun.PLAIN : ExampleRun.parse(pending);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(name + ":" + pendingLine + ": " + e.getMessage(), e);
                    }
                    steps.add(new DocumentedStep.ShellBlock(where, open + 1, text.toString(), run));
                } else if (!pending.isEmpty()) {
                    throw new IllegalStateException(name + ":" + pendingLine + ": an example comment before a ```" + language
                            + " block, which is not run");
                }
                pending.clear();
            } else if (!line.isBlank()) {
                requireNothingPending(pending, name + ":" + pendingLine);
            }
        }
        requireNothingPending(pending, name + ":" + pendingLine);
        return new DocumentedPage(name, steps);
    }

    private static void requireNothingPending(List<String> pending, String where) {
        if (!pending.isEmpty()) {
            throw new IllegalStateException(where + ": <!-- example: " + pending.get(0) + " --> is not right before a ```sh block");
        }
    }
}
