package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The versioned tarball as a new operator meets it: unpacked into an empty folder with {@code tar}, started
 * from another working directory with nothing but {@code --port 0}, so it runs on its own {@code conf/},
 * its bundled {@code plugins/} and a {@code data/} of its own.
 */
class TarballIT {

    private static final Path TARBALL = Path.of(System.getProperty("dist.tarball", "target/carrier-host-1.0.0.tar.gz"));
    private static final Pattern LISTENING = Pattern.compile("Carrier Host listening on (http://\\S+)");

    @TempDir
    Path unpacked;
    @TempDir
    Path elsewhere;
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void theTarballHoldsTheReadmeLicenceUnitPostgresDriverAndFourCarriers() throws Exception {
        Path home = unpack();

        for (String file : List.of("README.md", "LICENSE", "systemd/carrier-host.service", "conf/carrier-host.properties")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), file);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/carrier-host")));
        assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License"));
        assertTrue(names(home.resolve("lib")).stream().anyMatch(n -> n.matches("postgresql-[0-9.]+\\.jar")), names(home.resolve("lib")).toString());
        List<String> plugins = names(home.resolve("plugins"));
        for (String carrier : List.of("local", "mock", "bandwidth", "telnyx")) {
            assertTrue(plugins.stream().anyMatch(n -> n.matches("carrier-" + carrier + "-[0-9.]+\\.zip")), plugins.toString());
        }
    }

    @Test
    void itStartsFromAnotherWorkingDirectoryAnswersReadyServesItsBundledCarriersAndStopsOnSigtermWithExitZero() throws Exception {
        Path home = unpack();
        process = new ProcessBuilder(home.resolve("bin/carrier-host").toString(), "--port", "0")
                .directory(elsewhere.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String url = awaitUrl(process);

        HttpClient http = HttpClient.newHttpClient();
        assertEquals(200, get(http, url + "/api/health", null).statusCode());
        HttpResponse<String> ready = get(http, url + "/api/health/ready", null);
        assertEquals(200, ready.statusCode(), "the tarball answers ready: " + ready.body());
        assertTrue(ready.body().contains("\"status\":\"READY\""), ready.body());
        Path tokenFile = home.resolve("data/admin.token");
        assertTrue(Files.isRegularFile(tokenFile), "the admin token is in the distribution's own data/");
        String token = Files.readString(tokenFile).strip();
        HttpResponse<String> carriers = get(http, url + "/api/carriers", token);
        for (String carrier : List.of("local", "mock", "bandwidth", "telnyx")) {
            assertTrue(carriers.body().contains("\"id\":\"" + carrier + "\""), carriers.body());
        }
        HttpResponse<String> search = get(http, url + "/api/numbers?prefix=415&quantity=3&carriers=mock", token);
        assertEquals(200, search.statusCode(), search.body());
        assertTrue(search.body().contains("\"carrier\":\"mock\""), search.body());
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertEquals(0, left.count(), "nothing is written to the working directory");
        }

        long began = System.nanoTime();
        process.destroy();
        assertTrue(process.waitFor(5, TimeUnit.SECONDS), "stopped within 5 s of SIGTERM");
        assertEquals(0, process.exitValue());
        assertTrue(System.nanoTime() - began < TimeUnit.SECONDS.toNanos(5));
    }

    private Path unpack() throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(TARBALL), TARBALL + " is built");
        Process tar = new ProcessBuilder("tar", "-xzf", TARBALL.toAbsolutePath().toString(), "-C", unpacked.toString())
                .inheritIO().start();
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, tar.exitValue());
        assertEquals(List.of("carrier-host"), names(unpacked), "the tarball holds one folder");
        return unpacked.resolve("carrier-host");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String awaitUrl(Process process) throws InterruptedException {
        BlockingQueue<String> url = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.add(m.group(1).replaceAll("/$", ""));
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        });
        reader.setDaemon(true);
        reader.start();
        String base = url.poll(60, TimeUnit.SECONDS);
        if (base == null) {
            throw new IllegalStateException("the launcher printed no URL within 60 s");
        }
        return base;
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
