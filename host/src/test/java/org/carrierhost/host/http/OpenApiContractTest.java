package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.parts.HostParts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI document ({@value OpenApiDocument#SOURCE}, served at {@code GET /api/openapi.json}) against the
 * real server: every route the server registers is documented and every documented operation is registered,
 * and real answers of every route, errors included, validate against the document's schema for their status.
 * The answers come over real HTTP from a real host serving the real mock and local carrier zips.
 *
 * <p>Adding a route: register it through {@code ApiServer.route}, then describe it in the document under
 * {@code paths} (its parameters, body, 200 answer with a schema under {@code components/schemas}, and the
 * error statuses it can answer, as {@code $ref}s to {@code components/responses}; {@code security: []} and no
 * {@code x-role} for a public route, else {@code x-role} naming its role), and add a call of it to
 * {@link #everyRouteAnswersAsDocumented}. Until then the first test names the route that is missing.
 */
class OpenApiContractTest {

    private static final String VIEWER_TOKEN = "viewer-secret-0123456789";
    private static final String JSON = "application/json";
    private static final String NUMBER = "+14159000000";

    @RegisterExtension
    final CarrierHostExtension mock = TestHosts.withCarriers("mock", "local").withHttp().setting("auth.token.dash", "viewer:" + VIEWER_TOKEN)
            .setting("carrier.uploaded.rollout", "canary");

    @TempDir
    Path elsewhere;

    private final OpenApiDocument document = OpenApiDocument.load();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> answeredOk = new TreeSet<>();

    @Test
    void everyRouteTheServerRegistersIsInTheDocument() {
        Set<String> documented = document.operations();
        List<String> missing = registered(mock.host()).stream().filter(route -> !documented.contains(route)).toList();

        assertEquals(List.of(), missing, "routes the server registers but " + OpenApiDocument.SOURCE
                + " does not document; add each under \"paths\" with its parameters, body, answer and errors");
    }

    @Test
    void everyDocumentedOperationIsARouteTheServerRegisters() {
        Set<String> registered = registered(mock.host());
        List<String> extra = document.operations().stream().filter(op -> !registered.contains(op)).toList();

        assertEquals(List.of(), extra, "operations " + OpenApiDocument.SOURCE + " documents but the server does not register");
    }

    @Test
    void eachOperationSaysWhetherItNeedsATokenAndWhichRole() {
        List<String> wrong = new ArrayList<>();
        for (Route route : HostParts.of(mock.host()).routes()) {
            JsonNode operation = document.operation(route.method(), route.pattern()).orElseThrow();
            boolean open = operation.path("security").isArray() && operation.path("security").isEmpty();
            String role = route.role() == null ? "" : route.role().name().toLowerCase(Locale.ROOT);
            if (open != (route.role() == null) || !operation.path("x-role").asText("").equals(role)) {
                wrong.add(route.method() + " " + route.pattern() + " needs " + (role.isEmpty() ? "no token" : role));
            }
        }
        assertEquals(List.of(), wrong, "security or x-role in " + OpenApiDocument.SOURCE);
    }

    @Test
    void everyIntegerSaysItsFormat() {
        List<String> unformatted = new ArrayList<>();
        integersWithoutFormat(document.root(), "#", unformatted);

        assertEquals(List.of(), unformatted, "integers without format int32 or int64 (a generated client guesses int32)");
        assertEquals("int64", document.root().at("/components/schemas/Health/properties/uptime_ms/format").asText());
    }

    private static void integersWithoutFormat(JsonNode node, String at, List<String> found) {
        if (node.isObject()) {
            JsonNode type = node.path("type");
            boolean integer = type.asText().equals("integer") || (type.isArray() && type.toString().contains("\"integer\""));
            if (integer && !java.util.Set.of("int32", "int64").contains(node.path("format").asText())) {
                found.add(at);
            }
            node.fields().forEachRemaining(field -> integersWithoutFormat(field.getValue(), at + "/" + field.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                integersWithoutFormat(node.get(i), at + "/" + i, found);
            }
        }
    }

    @Test
    void theDocumentIsServedWithoutATokenAsKeptInTheSourceTree() throws Exception {
        Answer answer = call("GET", "/api/openapi.json", null, null, null);

        assertEquals(200, answer.status());
        assertEquals(new ObjectMapper().readTree(document.text()), new ObjectMapper().readTree(answer.body()));
        assertEquals("3.1.0", document.root().path("openapi").asText());
    }

    @Test
    void everyRouteAnswersAsDocumented() throws Exception {
        String admin = TestHosts.ADMIN_TOKEN;
        call("GET", "/api/health", null, null, null);
        call("GET", "/api/health/ready", null, null, null);
        call("GET", "/healthz", null, null, null);
        call("GET", "/readyz", null, null, null);
        call("GET", "/api/openapi.json", null, null, null);
        call("GET", "/", null, null, null);
        call("GET", "/console", null, null, null);
        call("GET", "/console/console.js", null, null, null);
        call("GET", "/console/modules/carriers.js", null, null, null);
        call("GET", "/console/modules/nowhere.js", null, null, null);
        call("GET", "/console/console.css", null, null, null);
        call("GET", "/api/numbers?prefix=415&quantity=3&offset=1&country=US&carriers=mock&blocks=0&toll_free=false&account_id=acct-1",
                VIEWER_TOKEN, null, null);
        call("POST", "/api/numbers/" + NUMBER + "/acquire", admin, "{\"account_id\":\"acct-1\",\"dry_run\":true}", JSON);
        call("POST", "/api/numbers/" + NUMBER + "/acquire", admin, "{\"account_id\":\"acct-1\",\"state\":\"in_service\"}", JSON);
        call("POST", "/api/numbers/check", VIEWER_TOKEN, "{\"numbers\":[\"" + NUMBER + "\",\"+14155550199\"]}", JSON);
        call("GET", "/api/numbers/" + NUMBER, VIEWER_TOKEN, null, null);
        call("POST", "/api/numbers/" + NUMBER + "/disconnect", admin, null, null);
        call("POST", "/api/numbers/import", admin, "{\"carrier\":\"local\",\"numbers\":[\"+12125550100\",\"+12125550100\",\"12\"]}", JSON);
        call("POST", "/api/carriers/mock/selftest", admin, null, null);
        call("GET", "/api/carriers", VIEWER_TOKEN, null, null);
        call("GET", "/api/carriers/mock", VIEWER_TOKEN, null, null);
        call("POST", "/api/carriers/mock/disable", admin, null, null);
        call("POST", "/api/carriers/mock/enable", admin, null, null);
        call("POST", "/api/carriers/mock/reload", admin, null, null);
        call("PUT", "/api/carriers/mock/settings", admin, "{\"latency_ms\":0}", JSON);
        call("POST", "/api/carriers/mock/instances", admin, "{\"id\":\"mock-2\",\"settings\":{\"latency_ms\":0}}", JSON);
        call("DELETE", "/api/carriers/mock-2", admin, null, null);
        byte[] zip = Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "uploaded", "2.0.0"));
        call("POST", "/api/carriers", admin, zip, "application/zip");
        // A second version of it is a canary (carrier.uploaded.rollout=canary), shown with the carrier, then aborted.
        call("POST", "/api/carriers", admin, Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "uploaded", "3.0.0")), "application/zip");
        call("GET", "/api/carriers/uploaded", VIEWER_TOKEN, null, null);
        call("POST", "/api/carriers/uploaded/rollout", admin, "{\"action\":\"abort\"}", JSON);
        call("DELETE", "/api/carriers/uploaded", admin, null, null);
        call("GET", "/api/events?limit=5", VIEWER_TOKEN, null, null);
        call("GET", "/api/events?carrier=mock&action=disable&actor=api:admin&since=2000-01-01T00:00:00Z&before=1000000&limit=5",
                VIEWER_TOKEN, null, null);
        call("GET", "/api/whoami", VIEWER_TOKEN, null, null);
        call("GET", "/favicon.ico", null, null, null);
        openStream(VIEWER_TOKEN);
        call("GET", "/metrics", VIEWER_TOKEN, null, null);
        call("GET", "/api/metrics", VIEWER_TOKEN, null, null);
        call("GET", "/api/cluster", VIEWER_TOKEN, null, null);
        call("GET", "/api/states", VIEWER_TOKEN, null, null);
        call("POST", "/api/numbers/import", admin, "{\"carrier\":\"mock\",\"numbers\":[\"+12125550111\",\"+12125550112\"],\"state\":\"port_in\"}", JSON);
        call("POST", "/api/numbers/+12125550111/activate", admin, "{\"account_id\":\"acct-1\"}", JSON);
        call("POST", "/api/numbers/+12125550112/move", admin, "{\"state\":\"in_service\",\"account_id\":\"acct-1\"}", JSON);
        String hold = new ObjectMapper().readTree(call("POST", "/api/holds", admin,
                "{\"numbers\":[\"+14159000001\"],\"account_id\":\"acct-1\",\"ttl_s\":600}", JSON).body()).path("id").asText();
        call("GET", "/api/holds?account_id=acct-1", VIEWER_TOKEN, null, null);
        call("GET", "/api/holds/" + hold, VIEWER_TOKEN, null, null);
        call("POST", "/api/holds/" + hold + "/extend", admin, "{\"ttl_s\":900}", JSON);
        call("DELETE", "/api/holds/" + hold, admin, null, null);
        long report = new ObjectMapper().readTree(call("POST", "/api/carriers/mock/reconcile", admin, null, null).body()).path("id").asLong();
        call("GET", "/api/carriers/mock/reconcile", VIEWER_TOKEN, null, null);
        call("POST", "/api/carriers/mock/reconcile/" + report + "/rows/+12125550111", admin, "{\"action\":\"mark_checked\"}", JSON);
        nodeDownSinceMinutes("gone");
        call("DELETE", "/api/cluster/nodes/gone", admin, null, null);

        assertEquals(List.of(), problems);
        Set<String> notTried = new TreeSet<>(document.operations());
        notTried.removeAll(answeredOk);
        assertEquals(Set.of(), notTried, "documented operations this test did not see answer 200 (or 201)");
    }

    @Test
    void errorAnswersAreAsDocumented() {
        String admin = TestHosts.ADMIN_TOKEN;
        call("GET", "/api/nothing-here", admin, null, null);
        call("PUT", "/api/numbers", admin, "{}", JSON);
        call("GET", "/api/carriers", null, null, null);
        call("GET", "/api/carriers", "wrong-token-0123456789", null, null);
        call("POST", "/api/carriers/mock/disable", VIEWER_TOKEN, null, null);
        call("GET", "/api/numbers", admin, null, null);
        call("GET", "/api/numbers?prefix=415&quantity=many", admin, null, null);
        call("GET", "/api/numbers/+14150000001", admin, null, null);
        call("GET", "/api/carriers/nope", admin, null, null);
        call("POST", "/api/carriers/nope/enable", admin, null, null);
        call("POST", "/api/numbers/" + NUMBER + "/acquire", admin, "{\"account_id\":", JSON);
        call("POST", "/api/numbers/" + NUMBER + "/acquire", admin, "{\"acount_id\":\"acct-1\"}", JSON);
        call("POST", "/api/numbers/" + NUMBER + "/acquire", admin, "{\"state\":\"bogus\"}", JSON);
        call("POST", "/api/numbers/" + NUMBER + "/acquire", admin, "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}", JSON);
        call("POST", "/api/numbers/" + NUMBER + "/acquire", admin, "{\"account_id\":\"" + "x".repeat(70_000) + "\"}", JSON);
        call("POST", "/api/numbers/" + NUMBER + "/acquire", admin, "{}", JSON);
        call("POST", "/api/numbers/" + NUMBER + "/acquire", admin, "{\"account_id\":\"someone-else\"}", JSON);
        call("POST", "/api/numbers/+14150000002/disconnect", admin, null, null);
        call("POST", "/api/numbers/check", admin, "{\"numbers\":\"+14159000000\"}", JSON);
        call("POST", "/api/numbers/import", admin, "{\"carrier\":\"mock\",\"numbers\":[]}", JSON);
        call("POST", "/api/carriers", admin, "not a zip", "text/plain");
        call("GET", "/api/events?limit=0", admin, null, null);
        call("GET", "/api/events?carier=mock", admin, null, null);
        call("GET", "/api/events?since=yesterday", admin, null, null);
        call("GET", "/metrics", null, null, null);
        call("DELETE", "/api/cluster/nodes/nowhere", admin, null, null);
        call("DELETE", "/api/cluster/nodes/" + HostParts.of(mock.host()).cluster().me().nodeId(), admin, null, null);
        answer(header("X-Padding", "p".repeat(100_000)), "GET", "/api/health");
        call("GET", "/api/" + "y".repeat(200_000), admin, null, null);

        assertEquals(List.of(), problems);
        assertTrue(statuses.containsAll(Set.of(400, 401, 403, 404, 405, 409, 413, 414, 431)), "statuses seen: " + statuses);
    }

    @Test
    void carrierFailuresAreAsDocumented(@TempDir Path root) throws Exception {
        Path plugins = root.resolve("plugins");
        TestPlugins.copyMock(plugins);
        try (CarrierHost healthy = TestHosts.start(plugins, root.resolve("data"), Map.of())) {
            base = healthy.url();
            call("POST", "/api/numbers/" + NUMBER + "/acquire", TestHosts.ADMIN_TOKEN, "{}", JSON);
        }
        try (CarrierHost failing = TestHosts.start(plugins, root.resolve("data"), Map.of("carrier.mock.fail", "carrier_fault"))) {
            base = failing.url();
            Answer search = call("GET", "/api/numbers?prefix=415&quantity=1", TestHosts.ADMIN_TOKEN, null, null);
            Answer disconnect = call("POST", "/api/numbers/" + NUMBER + "/disconnect", TestHosts.ADMIN_TOKEN, null, null);

            assertEquals(List.of(), problems);
            assertEquals("carrier_fault", new ObjectMapper().readTree(search.body()).path("errors").path(0).path("error").asText(), search.body());
            assertEquals(502, disconnect.status(), disconnect.body());
        }
    }

    @Test
    void anAnswerOffTheDocumentIsCaught() {
        assertTrue(offTheDocument("GET", "/api/numbers/+1415", 404, "{\"error\":{\"code\":404}}")
                .contains("required property 'message' not found"));
        assertTrue(offTheDocument("GET", "/api/numbers/+1415", 404,
                "{\"error\":{\"code\":400,\"error\":\"invalid\",\"message\":\"m\",\"cause\":null,\"carrier\":null}}").contains("code"));
        assertTrue(offTheDocument("GET", "/api/health", 200, "{\"status\":\"UP\",\"api_version\":\"1\",\"carriers_known\":1,"
                + "\"carriers_serving\":1,\"uptime_ms\":5,\"surprise\":1}").contains("surprise"));
        assertTrue(offTheDocument("GET", "/api/health", 418, "{}").contains("418 is not documented"));
        assertTrue(offTheDocument("GET", "/console", 200, "{}").contains("'application/json' is not documented"));
        assertTrue(document.problems("GET", "/api/health", 200, HttpHeaders.of(Map.of("Content-Type", List.of(JSON)), (k, v) -> true),
                "{}").toString().contains("X-Request-Id is missing"));
    }

    /** The problems the document finds with an answer that has a request id and is JSON. */
    private String offTheDocument(String method, String path, int status, String body) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of(JSON), "X-Request-Id", List.of("r1")), (k, v) -> true);
        return document.problems(method, path, status, headers, body).toString();
    }

    // --- the exchanges ---

    /** The host the exchanges go to, when not the mock extension's. */
    private String base;
    private final Set<Integer> statuses = new LinkedHashSet<>();

    private Answer call(String method, String path, String token, Object body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        byte[] bytes = body == null ? new byte[0]
                : body instanceof byte[] raw ? raw : body.toString().getBytes(StandardCharsets.UTF_8);
        return answer(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bytes)), method, path);
    }

    /** Opens the event stream, checks its status and headers against the document, and closes it. */
    private void openStream(String token) throws Exception {
        String path = "/api/events/stream";
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(mock.host().url().replaceAll("/$", "") + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        problems.addAll(document.problems("GET", path, response.statusCode(), response.headers(), ""));
        if (response.statusCode() == 200) {
            answeredOk.add("GET " + path);
        }
    }

    /** A node in the host's database whose last heartbeat was ten minutes ago: down, not yet forgotten. */
    private void nodeDownSinceMinutes(String node) throws Exception {
        long tenMinutesAgo = System.currentTimeMillis() - 600_000;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                org.carrierhost.host.store.Database.embeddedUrl(mock.host().settings().dataDir()), "sa", "");
             java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO nodes (node_id, address, version, started_at,"
                     + " heartbeat_at, applied_change) VALUES (?, 'http://127.0.0.1:1/', '1.0.0', ?, ?, 0)")) {
            s.setString(1, node);
            s.setLong(2, tenMinutesAgo);
            s.setLong(3, tenMinutesAgo);
            s.executeUpdate();
        }
    }

    private static HttpRequest.Builder header(String name, String value) {
        return HttpRequest.newBuilder().header(name, value).GET();
    }

    private Answer answer(HttpRequest.Builder request, String method, String path) {
        String url = (base == null ? mock.host().url() : base).replaceAll("/$", "") + path;
        HttpResponse<String> response;
        try {
            response = http.send(request.uri(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String pathOnly = path.split("\\?", 2)[0];
        problems.addAll(document.problems(method, pathOnly, response.statusCode(), response.headers(), response.body()));
        statuses.add(response.statusCode());
        if (response.statusCode() / 100 == 2) {
            document.template(pathOnly).ifPresent(template -> answeredOk.add(method + " " + template));
        }
        return new Answer(response.statusCode(), response.body());
    }

    private static Set<String> registered(CarrierHost host) {
        Set<String> routes = new LinkedHashSet<>();
        HostParts.of(host).routes().forEach(route -> routes.add(route.method() + " " + route.pattern()));
        return routes;
    }

    /**
     * One answer.
     *
     * @param status the HTTP status
     * @param body   the body as text
     */
    private record Answer(int status, String body) {
    }
}
