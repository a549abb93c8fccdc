package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /api/carriers/{id}/selftest} and the {@code selftest} of {@code GET /api/carriers/{id}}. */
class SelfTestApiTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;
    private CarrierHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private ApiClient startWith(Path zip, String id, Map<String, String> extra) throws Exception {
        Files.copy(zip, plugins.resolve(zip.getFileName()));
        Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);
        settings.putAll(extra);
        host = TestHosts.start(plugins, data, settings);
        ApiClient api = ApiClient.of(host);
        Await.until(Duration.ofSeconds(15), () -> "STARTED".equals(api.get("/api/carriers/" + id).json().path("state").asText()),
                () -> api.get("/api/carriers/" + id).text());
        return api;
    }

    private ApiClient mockWith(String switches, Map<String, String> extra) throws Exception {
        return startWith(TestPlugins.mockWithSwitches(elsewhere, "mock", "1.0.0", switches), "mock", extra);
    }

    private static List<String> names(JsonNode checks) {
        List<String> names = new java.util.ArrayList<>();
        checks.forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    @Test
    void theMocksSelfTestPassesWithItsNamedChecks() throws Exception {
        ApiClient api = mockWith("", Map.of());

        Reply tested = api.post("/api/carriers/mock/selftest", "");

        assertEquals(200, tested.status(), tested.text());
        assertEquals("passed", tested.json().path("outcome").asText());
        assertEquals(List.of("configuration", "credentials", "search", "parse"), names(tested.json().path("checks")));
        assertEquals("on_demand", tested.json().path("purpose").asText());
    }

    @Test
    void theLastSelfTestShowsOnTheCarrier() throws Exception {
        ApiClient api = mockWith("bad_credentials=true\n", Map.of());

        api.post("/api/carriers/mock/selftest", "");

        JsonNode selftest = api.get("/api/carriers/mock").json().path("selftest");
        assertEquals("failed", selftest.path("outcome").asText(), selftest.toString());
        assertEquals("1.0.0", selftest.path("version").asText());
        assertTrue(selftest.path("checks").path(1).path("message").asText().contains("401"), selftest.toString());
        assertTrue(TestHosts.eventCount(host, "selftest", "mock 1.0.0") >= 1);
    }

    @Test
    void aSelfTestThatTriesToAcquireIsRefusedUnderSelfTest() throws Exception {
        ApiClient api = mockWith("selftest_acquire=true\n", Map.of());

        Reply tested = api.post("/api/carriers/mock/selftest", "");

        assertEquals("failed", tested.json().path("outcome").asText(), tested.text());
        JsonNode last = tested.json().path("checks").path(tested.json().path("checks").size() - 1);
        assertEquals("no acquire or disconnect", last.path("name").asText(), tested.text());
        assertTrue(last.path("message").asText().contains("under self-test"), tested.text());
    }

    @Test
    void aSelfTestThatHangsGetsAVerdictAtItsDeadlineWhileHealthAnswers() throws Exception {
        ApiClient api = mockWith("selftest_hang=true\n", Map.of("plugins.selftest.timeout_ms", "2000"));

        CompletableFuture<Reply> tested = CompletableFuture.supplyAsync(() -> api.post("/api/carriers/mock/selftest", ""));
        Await.pause(300);
        long began = System.nanoTime();
        Reply health = api.get("/api/health");
        long healthMs = (System.nanoTime() - began) / 1_000_000;
        Reply verdict = tested.get();

        assertEquals(200, health.status());
        assertTrue(healthMs < 1000, "health answered in " + healthMs + " ms while the self-test hung");
        assertEquals("inconclusive", verdict.json().path("outcome").asText(), verdict.text());
        assertEquals("deadline", verdict.json().path("checks").path(0).path("name").asText());
        assertTrue(verdict.json().path("took_ms").asLong() < 5000, verdict.text());
    }

    @Test
    void aCarrierWithoutASelfTestAnswersNotImplemented() throws Exception {
        Path local = TestPlugins.builtZip("local");
        ApiClient api = startWith(local, "local", Map.of());

        Reply tested = api.post("/api/carriers/local/selftest", "");

        assertEquals(200, tested.status(), tested.text());
        assertEquals("not_implemented", tested.json().path("outcome").asText());
    }

    @Test
    void aSelfTestOfAnUnknownCarrierIsNotFound() throws Exception {
        ApiClient api = mockWith("", Map.of());

        Reply tested = api.post("/api/carriers/nosuch/selftest", "");

        assertEquals(404, tested.status(), tested.text());
    }
}
