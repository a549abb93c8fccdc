package org.carrierhost.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.manager.SearchRequest;
import org.junit.jupiter.api.Test;

/**
 * The "Write a carrier" page (docs/writing-a-carrier.md), tried as a new user would, in an empty folder outside this
 * repository: its {@code mvn} commands run as written (archetype:generate with the page's parameters,
 * then the build of the generated project, which tests its zip in an embedded host), and its ship
 * commands (the zip copied into a plugins directory, or posted to {@code /api/carriers}) are done against
 * real hosts, which must then serve the new carrier.
 *
 * <p>The generated build reads this build's artefacts from a staged repository ({@code it.repo}, filled
 * by invoker:install) and everything else from this build's local repository, read-only; it runs offline
 * when this build does.
 */
class WriteACarrierIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
    private static final String TOKEN = "write-a-carrier-admin-token";
    private static final Pattern CP = Pattern.compile("cp (\\S+) (\\S+)");
    private static final Pattern CURL_UPLOAD = Pattern.compile(
            "curl .*-H 'Content-Type: application/zip' .*--data-binary @(\\S+) (\\S+)/api/carriers");

    @Test
    void theStepsOfTheReadmeGenerateBuildAndShipACarrierThatAHostServes() throws Exception {
        ReadmeSection section = ReadmeSection.read(Path.of(System.getProperty("readme")), "Write a carrier");
        assertTrue(section.commands().stream().anyMatch(c -> c.contains(":generate")), section.toString());
        Path folder = Files.createTempDirectory("write-a-carrier");
        Path cwd = folder;
        List<String> shipped = new ArrayList<>();
        for (String command : section.commands()) {
            if (command.startsWith("mvn ")) {
                run(command, cwd);
            } else if (command.startsWith("cd ")) {
                cwd = cwd.resolve(command.substring(3).strip()).normalize();
                assertTrue(Files.isDirectory(cwd), command + ": no such folder " + cwd);
            } else if (command.startsWith("cp ")) {
                dropIn(command, cwd);
                shipped.add(command);
            } else if (command.startsWith("curl ")) {
                upload(command, cwd);
                shipped.add(command);
            } else if (!command.startsWith("TOKEN=")) {
                fail("the page '" + section.title() + "' has a command this test cannot try: " + command);
            }
        }
        assertEquals(2, shipped.size(), "both ways to ship (drop-in and upload) are shown: " + section.commands());
        deleteTree(folder);
    }

    /** Runs the page's {@code mvn} command with this build's Maven, on the staged repository. */
    private static void run(String command, Path cwd) throws IOException, InterruptedException {
        assertFalse(command.contains("\"") || command.contains("'"), "quoted arguments are not split here: " + command);
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.set(0, Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
        args.add("-Dmaven.repo.local=" + System.getProperty("it.repo"));
        args.add("-Dmaven.repo.local.tail=" + System.getProperty("it.repo.tail"));
        if (System.getProperty("it.offline", "").equals("offline=true")) {
            args.add("--offline");
        }
        Path logs = Files.createDirectories(Path.of(System.getProperty("it.work")));
        Path log = Files.createTempFile(logs, "mvn-", ".log");
        Process mvn = new ProcessBuilder(args).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!mvn.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            mvn.destroyForcibly();
            fail(command + " did not end within " + COMMAND_TIMEOUT + "; log " + log);
        }
        assertEquals(0, mvn.exitValue(), () -> command + " failed in " + cwd + "; log " + log + ":\n" + tail(log));
    }

    /** {@code cp <zip> <plugins-dir>}: the zip dropped into a running host's plugins directory. */
    private static void dropIn(String command, Path cwd) throws Exception {
        Matcher cp = CP.matcher(command);
        assertTrue(cp.matches(), command);
        Path zip = existing(cwd, cp.group(1));
        Path root = Files.createTempDirectory("ship-drop-in");
        try (CarrierHost host = host(root, carrierIdOf(zip))) {
            Files.copy(zip, root.resolve("plugins").resolve(zip.getFileName()));
            awaitServing(host, carrierIdOf(zip));
        } finally {
            deleteTree(root);
        }
    }

    /** {@code curl ... --data-binary @<zip> <url>/api/carriers}: the zip posted to a running host. */
    private static void upload(String command, Path cwd) throws Exception {
        Matcher curl = CURL_UPLOAD.matcher(command);
        assertTrue(curl.find(), "an upload of the zip to /api/carriers with its content type: " + command);
        Path zip = existing(cwd, curl.group(1));
        Path root = Files.createTempDirectory("ship-upload");
        try (CarrierHost host = host(root, carrierIdOf(zip))) {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(host.url() + "api/carriers"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/zip")
                    .POST(HttpRequest.BodyPublishers.ofFile(zip)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reply.statusCode(), reply.body());
            awaitServing(host, carrierIdOf(zip));
        } finally {
            deleteTree(root);
        }
    }

    /** A host with HTTP on and an empty plugins directory, {@code carrier} configured as the page's skeleton wants. */
    private static CarrierHost host(Path root, String carrier) throws IOException {
        Files.createDirectories(root.resolve("plugins"));
        return CarrierHost.builder().pluginsDir(root.resolve("plugins")).dataDir(root.resolve("data")).http(0)
                .setting("admin.token", TOKEN).setting("carrier." + carrier + ".api_key", "k")
                .setting("plugins.isolation", "in_process").start();
    }

    private static void awaitServing(CarrierHost host, String carrier) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (host.manager().find(SearchRequest.of("415", 3)).numbers().stream().anyMatch(n -> n.carrier().equals(carrier))) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the host never served " + carrier + ": " + host.manager().find(SearchRequest.of("415", 3)));
    }

    /** {@code acme} for {@code carrier-acme-1.0.0-SNAPSHOT.zip}. */
    private static String carrierIdOf(Path zip) {
        Matcher name = Pattern.compile("carrier-([a-z0-9_-]+?)-\\d.*\\.zip").matcher(zip.getFileName().toString());
        assertTrue(name.matches(), zip.toString());
        return name.group(1);
    }

    private static Path existing(Path cwd, String file) {
        Path path = cwd.resolve(file);
        assertTrue(Files.isRegularFile(path), "the page ships " + file + ", which the build did not make in " + cwd);
        return path;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
