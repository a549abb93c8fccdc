package org.carrierhost.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What can be checked of a block the documented-examples test does not run (a build of minutes, the test command
 * itself, commands outside the repository): the test classes its reason names as running it exist, the classes
 * it runs exist, the modules it builds exist, the Maven wrapper it calls is there, and the test command is the one
 * CI runs. A skipped block of which nothing can be checked is a failure.
 *
 * <p>Thread-safe: it holds only the repository's root.
 *
 * @param root the repository's root
 */
record SkippedExampleCheck(Path root) {

    private static final Pattern TEST_CLASS = Pattern.compile("\\b([A-Z][A-Za-z0-9]*(?:IT|Test))\\b");
    private static final Pattern MAIN_CLASS = Pattern.compile("\\borg\\.carrierhost(?:\\.[a-z0-9]+)+\\.([A-Z][A-Za-z0-9]*)\\b");
    private static final Pattern MODULE = Pattern.compile("-pl\\s+(\\S+)");

    /**
     * The checks made of {@code block}, each as a line saying what was found.
     *
     * @return the checks, at least one
     * @throws AssertionError naming what is missing
     */
    List<String> check(DocumentedStep.ShellBlock block) throws IOException {
        List<String> done = new ArrayList<>();
        String text = block.text();
        for (Matcher m = TEST_CLASS.matcher(block.run().skipReason()); m.find(); ) {
            Path test = javaSource(block, m.group(1), "src/test/java");
            require(readsThePage(test, block), block, "the reason says " + m.group(1) + " runs it, but neither " + root.relativize(test)
                    + " nor its module's pom.xml names the page");
            done.add("the test " + m.group(1) + " is " + root.relativize(test) + ", which reads the page");
        }
        for (Matcher m = TEST_CLASS.matcher(text); m.find(); ) {
            done.add("the test " + m.group(1) + " is " + root.relativize(javaSource(block, m.group(1), "src/test/java")));
        }
        for (Matcher m = MAIN_CLASS.matcher(text); m.find(); ) {
            done.add("the class " + m.group(0) + " is " + root.relativize(javaSource(block, m.group(1), "src/main/java")));
        }
        for (Matcher m = MODULE.matcher(text); m.find(); ) {
            for (String module : m.group(1).split(",")) {
                require(Files.isRegularFile(root.resolve(module).resolve("pom.xml")), block, "no module " + module);
                done.add("the module " + module + " exists");
            }
        }
        if (text.contains("./mvnw ")) {
            require(Files.isExecutable(root.resolve("mvnw")), block, "no executable ./mvnw in the repository's root");
            done.add("./mvnw is executable");
        }
        if (block.run().skipReason().contains("test command")) {
            List<String> ci = Files.readAllLines(root.resolve(".ci/run"));
            for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
                require(ci.contains(line), block, ".ci/run, which runs the test command, does not run " + line);
            }
            done.add(".ci/run runs the same command");
        }
        require(!done.isEmpty(), block, "a skipped block of which nothing can be checked (" + block.run().skipReason() + ")");
        return done;
    }

    /** Whether the test, or the pom of its module, names the block's page (as the archetype's names docs/writing-a-carrier.md). */
    private static boolean readsThePage(Path test, DocumentedStep.ShellBlock block) throws IOException {
        String page = Path.of(block.where().substring(0, block.where().lastIndexOf(':'))).getFileName().toString();
        String source = test.toString();
        Path pom = Path.of(source.substring(0, source.indexOf("/src/test/java"))).resolve("pom.xml");
        return Files.readString(test).contains(page) || (Files.isRegularFile(pom) && Files.readString(pom).contains(page));
    }

    private Path javaSource(DocumentedStep.ShellBlock block, String simpleName, String under) throws IOException {
        try (Stream<Path> files = Files.walk(root, 12)) {
            Path found = files.filter(f -> f.getFileName().toString().equals(simpleName + ".java"))
                    .filter(f -> f.toString().contains(under) && !f.toString().contains("/target/"))
                    .findFirst().orElse(null);
            require(found != null, block, "names " + simpleName + ", which is not in any " + under + " of the repository");
            return found;
        }
    }

    private static void require(boolean condition, DocumentedStep.ShellBlock block, String why) {
        if (!condition) {
            throw new AssertionError(block.where() + " (skipped: " + block.run().skipReason() + "): " + why + "\n" + block.text());
        }
    }
}
