package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README and the pages of {@code docs/}, followed as a new user follows them: every {@code ```sh} block, in the
 * documented order (the README, then {@code docs/README.md}'s table), run with {@code bash} in a fresh copy of the
 * repository (its tracked pages and the build's outputs the pages use, as a clone holds them after the README's
 * build), as {@link ExampleRun} describes; a block the page marks {@code skip: REASON} is checked by
 * {@link SkippedExampleCheck} instead. Each failure names the page, the line and what the block printed. At the
 * end, everything the examples left in the copy must be ignored by git.
 *
 * <p>The pages use fixed ports (8080, 8081, 8443, 9090, 9091), PostgreSQL at 127.0.0.1:5432 and {@code gpg}; where
 * a tool or PostgreSQL is missing the test is skipped with that reason, and with {@code CI=true} it fails.
 *
 * <p>Not thread-safe: JUnit runs its tests one at a time, and they share the fixed ports.
 */
class DocumentedExamplesIT {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final Path WORK = Path.of(System.getProperty("examples.work", "target/documented-examples")).toAbsolutePath();
    private static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STREAM_FOLLOWED = Duration.ofSeconds(2);
    private static final Pattern ERROR_ANSWER = Pattern.compile("\\{\"error\":\\{\"code\":(\\d+),\"error\":\"([a-z_]+)\"");
    private static final Pattern CREATE_DATABASE = Pattern.compile("CREATE DATABASE (\\w+)");
    private static final Pattern PORT = Pattern.compile("(?:127\\.0\\.0\\.1|localhost):(\\d+)");

    @Test
    void everyShellBlockOfTheReadmeAndTheDocsWorksAsWrittenInOrderInAFreshCopy() throws Exception {
        List<DocumentedPage> pages = DocumentedPage.readAll(ROOT);
        requireTools(pages);
        Set<String> databases = databasesMade(pages);
        requirePortsFree(pages);
        Path clone = freshCopy();
        Set<String> untracked = untracked(clone);
        List<String> report = new ArrayList<>();
        try {
            for (DocumentedPage page : pages) {
                new PageRun(page, clone, report).run();
            }
        } finally {
            for (String database : databases) {
                psql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            System.out.println(String.join("\n", report));
        }
        Set<String> leftBehind = new TreeSet<>(untracked(clone));
        leftBehind.removeAll(untracked);
        assertEquals(Set.of(), leftBehind, "the examples left files that git does not ignore (add them to .gitignore)");
        assertTrue(report.stream().filter(r -> r.contains(" ran ")).count() >= 10, String.join("\n", report));
    }

    @Test
    void aCommentNotRightBeforeAShellBlockIsRefused(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.md");
        Files.writeString(page, "<!-- example: server, ready http://127.0.0.1:8080/api/health -->\n\nSome prose.\n\n```sh\necho\n```\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DocumentedPage.read(dir, page));
        assertTrue(refused.getMessage().startsWith("page.md:1: "), refused.getMessage());
    }

    @Test
    void aSkipWithoutAReasonAndAServerWithoutReadinessAreRefused(@TempDir Path dir) throws IOException {
        for (String comment : List.of("skip:", "server", "ready http://127.0.0.1:8080/", "serve, ready tcp 127.0.0.1:1")) {
            Path page = dir.resolve("page.md");
            Files.writeString(page, "<!-- example: " + comment + " -->\n```sh\necho\n```\n");
            assertThrows(IllegalStateException.class, () -> DocumentedPage.read(dir, page), comment);
        }
    }

    @Test
    void aCommandThatFailsIsNamedWithItsLineOnThePage(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.md");
        Files.writeString(page, "Text.\n\n```sh\nX=1\necho \"$X\"\nfalse\necho after\n```\n");
        DocumentedStep.ShellBlock block = (DocumentedStep.ShellBlock) DocumentedPage.read(dir, page).steps().get(0);
        Path file = dir.resolve("block.sh");
        Files.writeString(file, block.text());
        ExampleShell.Outcome outcome;
        try (ExampleShell shell = new ExampleShell(dir, terminalEnvironment())) {
            outcome = shell.run(file, Duration.ofSeconds(30));
        }
        assertEquals("1\nafter\n", outcome.output());
        AssertionError failed = assertThrows(AssertionError.class, () -> requireWorked(block, outcome.output(), outcome.failures()));
        assertTrue(failed.getMessage().contains("page.md:6: exit 1: false"), failed.getMessage());
    }

    @Test
    void anErrorAnswerFailsTheBlockUnlessThePageMarksIt() {
        String answer = "{\"error\":{\"code\":409,\"error\":\"number_exists\",\"message\":\"m\"}}";
        DocumentedStep.ShellBlock plain = new DocumentedStep.ShellBlock("page.md:3", 3, "curl\n", ExampleRun.PLAIN);
        DocumentedStep.ShellBlock marked = new DocumentedStep.ShellBlock("page.md:3", 3, "curl\n",
                ExampleRun.parse(List.of("errors number_exists")));
        assertThrows(AssertionError.class, () -> requireWorked(plain, answer, List.of()));
        requireWorked(marked, answer, List.of());
        assertThrows(AssertionError.class, () -> requireWorked(marked, "{\"number\":\"+1\"}", List.of()), "a marked error must come");
    }

    @Test
    void aSkippedBlockPassesOnlyWhatCanBeCheckedOfIt() throws IOException {
        SkippedExampleCheck check = new SkippedExampleCheck(ROOT);
        ExampleRun byTheArchetype = ExampleRun.parse(List.of("skip: WriteACarrierIT runs it"));
        String mvn = "mvn -B verify\n";
        assertTrue(check.check(new DocumentedStep.ShellBlock("docs/writing-a-carrier.md:11", 11, mvn, byTheArchetype))
                .get(0).contains("archetype/src/test/java/org/carrierhost/archetype/WriteACarrierIT.java, which reads the page"));
        assertThrows(AssertionError.class, () -> check.check(new DocumentedStep.ShellBlock("docs/api.md:11", 11, mvn, byTheArchetype)),
                "WriteACarrierIT does not read api.md");
        assertThrows(AssertionError.class, () -> check.check(new DocumentedStep.ShellBlock("docs/api.md:11", 11, "echo hi\n",
                ExampleRun.parse(List.of("skip: it is slow")))), "nothing can be checked of it");
        assertThrows(AssertionError.class, () -> check.check(new DocumentedStep.ShellBlock("README.md:22", 22, "./mvnw -B -q verify\n",
                ExampleRun.parse(List.of("skip: it is the test command")))), ".ci/run runs ./mvnw -B verify, not this");
    }

    @Test
    void aShellBlockUnderAnotherNameIsRefused(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.md");
        Files.writeString(page, "```bash\nrm -rf data\n```\n");
        assertThrows(IllegalStateException.class, () -> DocumentedPage.read(dir, page));
    }

    /** One page followed: its own shell, the servers it starts, each stopped where it says and at its end. */
    private static final class PageRun {
        private final DocumentedPage page;
        private final Path clone;
        private final List<String> report;
        private final Map<String, String> environment = terminalEnvironment();
        private final ExampleProcesses servers = new ExampleProcesses();

        PageRun(DocumentedPage page, Path clone, List<String> report) {
            this.page = page;
            this.clone = clone;
            this.report = report;
        }

        void run() throws Exception {
            try (ExampleShell shell = new ExampleShell(clone, environment)) {
                for (DocumentedStep step : page.steps()) {
                    long start = System.nanoTime();
                    if (step instanceof DocumentedStep.ShellBlock block) {
                        String done = runBlock(block, shell);
                        report.add(block.where() + " " + done + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
                    } else {
                        servers.stopAll();
                        ExampleProcesses.stop(shell.children());
                        report.add(step.where() + " stopped the servers");
                    }
                }
            } finally {
                servers.stopAll();
            }
        }

        private String runBlock(DocumentedStep.ShellBlock block, ExampleShell shell) throws Exception {
            ExampleRun run = block.run();
            if (run.mode() == ExampleRun.Mode.SKIP) {
                return "skipped (" + run.skipReason() + "); checked: " + String.join("; ", new SkippedExampleCheck(ROOT).check(block));
            }
            String text = run.prebuilt() ? afterTheBuild(block) : block.text();
            Path file = Files.createDirectories(WORK.resolve("blocks"))
                    .resolve(page.name().replace('/', '-') + "-" + block.line() + ".sh");
            Files.writeString(file, text);
            switch (run.mode()) {
                case RUN -> {
                    ExampleShell.Outcome outcome = shell.run(file, BLOCK_TIMEOUT);
                    requireWorked(block, outcome.output(), outcome.failures());
                    return "ran";
                }
                case SERVER -> {
                    requireFree(block);
                    Path log = file.resolveSibling(file.getFileName() + ".log");
                    ExampleProcesses.Server server = servers.start(file, clone, environment, log);
                    Optional<String> notReady = ExampleProcesses.awaitReady(run.ready(), () -> server.process().isAlive()
                            ? Optional.empty()
                            : Optional.of("the server ended with exit " + server.process().exitValue()));
                    notReady.ifPresent(why -> fail(failure(block, why, ExampleProcesses.tail(log, 60))));
                    return run.prebuilt() ? "ran as a server after the build the test command made, ready" : "ran as a server, ready";
                }
                case BACKGROUND -> {
                    requireFree(block);
                    ExampleShell.Outcome outcome = shell.run(file, BLOCK_TIMEOUT);
                    requireWorked(block, outcome.output(), outcome.failures());
                    Optional<String> notReady = ExampleProcesses.awaitReady(run.ready(), () -> shell.children().isEmpty()
                            ? Optional.of("nothing the block started is running") : Optional.empty());
                    notReady.ifPresent(why -> fail(failure(block, why, outcome.output())));
                    return "ran in the background, ready";
                }
                case STREAM -> {
                    Path log = file.resolveSibling(file.getFileName() + ".log");
                    ProcessHandle stream = shell.start(file, log);
                    Thread.sleep(STREAM_FOLLOWED.toMillis());
                    boolean following = stream.isAlive();
                    List<ProcessHandle> processes = new ArrayList<>(stream.descendants().toList());
                    processes.add(stream);
                    ExampleProcesses.stop(processes);
                    String output = Files.readString(log);
                    if (!following) {
                        fail(failure(block, "the stream ended by itself within " + STREAM_FOLLOWED.toSeconds() + " s", output));
                    }
                    requireWorked(block, output, List.of());
                    return "ran, followed for " + STREAM_FOLLOWED.toSeconds() + " s";
                }
                default -> throw new IllegalStateException(run.mode().toString());
            }
        }

        /** A block that must not start before its ports are free: a server the page started earlier holding one is the page's mistake. */
        private static void requireFree(DocumentedStep.ShellBlock block) {
            for (String target : block.run().ready()) {
                Matcher port = PORT.matcher(target);
                if (port.find() && ExampleProcesses.answers(target.startsWith("http") ? target : "tcp " + target)) {
                    fail(failure(block, "port " + port.group(1) + " is still taken when this block starts its server:"
                            + " the page must stop what it started before", ""));
                }
            }
        }

        /** The part of a {@code prebuilt} block after its build, which is checked: the wrapper is there, and it packages. */
        private static String afterTheBuild(DocumentedStep.ShellBlock block) {
            String text = block.text().strip();
            int and = text.indexOf(" && ");
            if (!text.startsWith("./mvnw ") || and < 0) {
                fail(failure(block, "a prebuilt block is ./mvnw ... && the command to run", ""));
            }
            String build = text.substring(0, and);
            if (!Files.isExecutable(ROOT.resolve("mvnw")) || !build.contains(" package") || !build.contains("-DskipTests")) {
                fail(failure(block, "its build is not ./mvnw ... package -DskipTests, the build the test command makes", ""));
            }
            return text.substring(and + 4) + "\n";
        }
    }

    /** No command failed, and every answer in the standard error shape is one the page shows on purpose, each of which came. */
    static void requireWorked(DocumentedStep.ShellBlock block, String output, List<ExampleShell.Failure> failures) {
        if (!failures.isEmpty()) {
            String page = block.where().substring(0, block.where().lastIndexOf(':'));
            fail(failure(block, failures.stream().map(f -> page + ":" + (block.line() + f.line()) + ": exit " + f.status() + ": " + f.command())
                    .reduce((a, b) -> a + "\n" + b).orElseThrow(), output));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Matcher error = ERROR_ANSWER.matcher(output); error.find(); ) {
            seen.add(error.group(2));
            if (!block.run().errors().contains(error.group(2))) {
                fail(failure(block, "an answer " + error.group(1) + " " + error.group(2)
                        + " (mark it <!-- example: errors " + error.group(2) + " --> if the page means it)", output));
            }
        }
        for (String expected : block.run().errors()) {
            if (!seen.contains(expected)) {
                fail(failure(block, "the page shows a " + expected + " answer, which did not come", output));
            }
        }
    }

    private static String failure(DocumentedStep.ShellBlock block, String why, String output) {
        List<String> lines = output.lines().toList();
        String shown = String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        return block.where() + ": " + why + "\n--- the block:\n" + block.text() + "--- what it printed:\n" + shown;
    }

    /** The environment of a new terminal: this one's, without the host's own settings. */
    private static Map<String, String> terminalEnvironment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(k -> k.startsWith("CARRIER_HOST_") || k.equals("JAVA_OPTS") || k.equals("GNUPGHOME"));
        return environment;
    }

    /**
     * The repository as a clone holds it after the README's build: its pages, wrapper and {@code .gitignore}
     * (tracked) and the build's outputs the pages use (ignored), in a git repository of its own.
     */
    private static Path freshCopy() throws IOException, InterruptedException {
        deleteTree(WORK);
        Path clone = Files.createDirectories(WORK.resolve("clone"));
        for (String tracked : List.of(".gitignore", "README.md", "LICENSE", "mvnw", ".mvn", "docs")) {
            copy(ROOT.resolve(tracked), clone.resolve(tracked));
        }
        copy(ROOT.resolve("dist/target/carrier-host"), clone.resolve("dist/target/carrier-host"));
        copy(ROOT.resolve("plugins-dir"), clone.resolve("plugins-dir"));
        for (String module : List.of("plugins/mock", "plugins/local", "plugins/bandwidth", "plugins/telnyx", "simulator", "simulator-telnyx")) {
            try (Stream<Path> built = Files.list(ROOT.resolve(module).resolve("target"))) {
                for (Path file : built.filter(f -> f.toString().endsWith(".zip") || f.toString().endsWith(".jar")).toList()) {
                    copy(file, clone.resolve(module).resolve("target").resolve(file.getFileName()));
                }
            }
            if (Files.isDirectory(ROOT.resolve(module).resolve("target/lib"))) {
                copy(ROOT.resolve(module).resolve("target/lib"), clone.resolve(module).resolve("target/lib"));
            }
        }
        command(clone, "git", "init", "-q");
        return clone;
    }

    /** The files git would add in {@code clone}: neither tracked nor ignored. */
    private static Set<String> untracked(Path clone) throws IOException, InterruptedException {
        return new TreeSet<>(command(clone, "git", "status", "--porcelain", "--untracked-files=all").lines().toList());
    }

    private static void requireTools(List<DocumentedPage> pages) throws IOException, InterruptedException {
        String all = pages.stream().flatMap(p -> p.steps().stream())
                .filter(s -> s instanceof DocumentedStep.ShellBlock b && b.run().mode() != ExampleRun.Mode.SKIP)
                .map(s -> ((DocumentedStep.ShellBlock) s).text()).reduce("", String::concat);
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("bash", "git", "curl", "java", "keytool", "gpg", "psql")) {
            if ((all.contains(tool + " ") || List.of("bash", "git").contains(tool)) && !onPath(tool)) {
                missing.add(tool);
            }
        }
        if (all.contains("psql ") && missing.isEmpty() && !command(ROOT, "psql", "-w", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres",
                "-tAc", "SELECT 1").strip().equals("1")) {
            missing.add("PostgreSQL at 127.0.0.1:5432 (user postgres, trust authentication)");
        }
        String why = "the documented examples need " + missing + " (.ci/run installs them)";
        if (!missing.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail(why + "; CI=true: they must run");
        }
        assumeTrue(missing.isEmpty(), why);
    }

    /** The databases the pages make, none of which may exist before: the test drops them after. */
    private static Set<String> databasesMade(List<DocumentedPage> pages) throws IOException, InterruptedException {
        Set<String> databases = new LinkedHashSet<>();
        for (DocumentedPage page : pages) {
            for (DocumentedStep step : page.steps()) {
                if (step instanceof DocumentedStep.ShellBlock block) {
                    for (Matcher m = CREATE_DATABASE.matcher(block.text()); m.find(); ) {
                        databases.add(m.group(1));
                    }
                }
            }
        }
        for (String database : databases) {
            assertEquals("", psql("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").strip(),
                    "the database " + database + " exists already; the examples make it (drop it if it is left from an earlier run)");
        }
        return databases;
    }

    private static void requirePortsFree(List<DocumentedPage> pages) {
        for (DocumentedPage page : pages) {
            for (DocumentedStep step : page.steps()) {
                if (step instanceof DocumentedStep.ShellBlock block) {
                    for (String target : block.run().ready()) {
                        Matcher port = PORT.matcher(target);
                        if (port.find()) {
                            assertTrue(!ExampleProcesses.answers(target.startsWith("http") ? target : "tcp " + target),
                                    "port " + port.group(1) + " is taken by another process; the documented examples use it");
                        }
                    }
                }
            }
        }
    }

    private static String psql(String sql) throws IOException, InterruptedException {
        return command(ROOT, "psql", "-w", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-tAc", sql);
    }

    private static boolean onPath(String tool) throws IOException, InterruptedException {
        return new ProcessBuilder("bash", "-c", "command -v " + tool).start().waitFor() == 0;
    }

    private static String command(Path cwd, String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(args).directory(cwd.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", args));
        return output;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
