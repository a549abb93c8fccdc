package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.Documentation;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The route reference of the README and docs/ against the real host and the OpenAPI document, so they cannot drift apart. */
class ReadmeRouteReferenceTest {

    @RegisterExtension
    final CarrierHostExtension mock = TestHosts.withCarriers("mock", "bandwidth").withHttp();

    @Test
    void theUnconfiguredBandwidthEntryIsWhatTheHostAnswers() throws IOException {
        Matcher quoted = Pattern.compile("such\\s+an\\s+entry:\\s+`(\\{[^`]+})`").matcher(docs());
        assertTrue(quoted.find(), "the docs quote the unconfigured Bandwidth carrier's entry");

        // A search of all carriers skips a carrier that is not configured (issue 25); naming it answers the entry.
        JsonNode answered = ApiClient.of(mock.host()).get("/api/numbers?prefix=415&quantity=1&carriers=bandwidth").json()
                .path("errors").path(0);

        assertEquals(new ObjectMapper().readTree(quoted.group(1)), answered);
    }

    @Test
    void everyRouteInTheDocsTablesIsInTheOpenApiDocument() throws IOException {
        Matcher row = Pattern.compile("(?m)^\\| `(?:GET|POST|DELETE) .*$").matcher(docs());
        Matcher route = Pattern.compile("(GET|POST|DELETE) (/[^\\s`?\\\\]*)").matcher("");
        List<String> named = new ArrayList<>();
        while (row.find()) {
            route.reset(row.group());
            while (route.find()) {
                named.add(route.group(1) + " " + route.group(2).replace("{e164}", "{number}"));
            }
        }
        assertFalse(named.isEmpty(), "the docs have a route table");

        List<String> undocumented = named.stream().filter(r -> !OpenApiDocument.load().operations().contains(r)).toList();

        assertEquals(List.of(), undocumented, "routes the docs name that " + OpenApiDocument.SOURCE + " lacks");
    }

    @Test
    void everyZipOfThisBuildTheDocsUploadIsOneItMakes() throws IOException {
        Matcher upload = Pattern.compile("--data-binary @(plugins/\\S+\\.zip)").matcher(docs());
        List<String> missing = new ArrayList<>();
        int uploads = 0;
        for (; upload.find(); uploads++) {
            // The build's zips as the host's tests receive them, so this holds without the plugin modules' target/.
            Path zip = Path.of(upload.group(1));
            boolean made = zip.toString().matches("plugins/([a-z]+)/target/carrier-\\1-[^/]+\\.zip")
                    && Files.isRegularFile(TestPlugins.builtZip("mock").resolveSibling(zip.getFileName()));
            if (!made) {
                missing.add(upload.group(1));
            }
        }
        assertTrue(uploads > 0, "the docs have an upload example");
        assertEquals(List.of(), missing, "zips under plugins/ the docs upload that the build does not make");
    }

    private static String docs() {
        return Documentation.text();
    }
}
