package org.carrierhost.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The repository's documentation as tests read it: the README and every page under {@code docs/}, so a
 * reference checked against the code may live on whichever page suits it.
 *
 * <p>Thread-safe: stateless; each call reads the files again.
 */
public final class Documentation {

    /** The repository root, seen from a module's folder, where the tests run. */
    private static final Path ROOT = Path.of("..");

    private Documentation() {
    }

    /** The README, then the pages under {@code docs/} in name order. */
    public static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(pages);
    }

    /** Every page's text, one after the other. */
    public static String text() {
        return pages().stream().map(Documentation::read).collect(Collectors.joining("\n"));
    }

    /** Every page's lines, one page after the other. */
    public static List<String> lines() {
        return text().lines().toList();
    }

    private static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
