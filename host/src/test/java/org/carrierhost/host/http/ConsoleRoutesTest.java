package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's script and its ES modules as the host serves them, over real HTTP. */
class ConsoleRoutesTest {

    private static final Path MODULES = Path.of("src/main/resources/org/carrierhost/host/http/console/modules");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import [^;]* from '\\./(?:modules/)?([a-z]+\\.js)';$");

    @RegisterExtension
    final CarrierHostExtension mock = TestHosts.mockOverHttp();

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(mock.host().url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyModuleTheScriptImportsIsServedAsJavaScriptUnderThePolicy() throws Exception {
        Set<String> seen = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(List.of("console/console.js"));
        while (!next.isEmpty()) {
            String path = next.pop();
            HttpResponse<String> answer = get(path);
            assertEquals(200, answer.statusCode(), path);
            assertEquals("text/javascript; charset=utf-8", answer.headers().firstValue("Content-Type").orElse(null), path);
            assertTrue(answer.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"), path);
            Matcher imported = IMPORT.matcher(answer.body());
            while (imported.find()) {
                if (seen.add(imported.group(1))) {
                    next.push("console/modules/" + imported.group(1));
                }
            }
        }

        try (Stream<Path> files = Files.list(MODULES)) {
            Set<String> inTheTree = new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
            assertEquals(inTheTree, seen, "every module in the source tree is imported and served, and no other");
        }
    }

    @Test
    void aModuleNotInTheConsoleIsAStandard404() {
        for (String name : List.of("nowhere.js", "console.css", "api.js.map", "API.JS")) {
            Reply reply = ApiClient.of(mock.host()).get("/console/modules/" + name);

            assertEquals(404, reply.status(), name);
            assertEquals("not_found", reply.error(), name);
        }
    }

    @Test
    void aPathOutOfTheModulesIsRefusedNotServed() {
        for (String name : List.of("..%2Fconsole.js", "%2e%2e")) {
            Reply reply = ApiClient.of(mock.host()).get("/console/modules/" + name);

            assertEquals(400, reply.status(), name);
        }
    }
}
