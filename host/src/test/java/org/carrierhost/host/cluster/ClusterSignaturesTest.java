package org.carrierhost.host.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.BothDatabases;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestDatabase;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.plugins.trust.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A signed zip installed on one host travels with its signature: every host of the cluster judges it against its
 * own trust policy (local to each host, never in the database), and {@code /api/cluster} shows a host that refused it.
 */
class ClusterSignaturesTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path root;
    private TestDatabase database;
    private TestKeys acme;
    private final List<CarrierHost> hosts = new ArrayList<>();

    @BeforeEach
    void database(TestDatabase db) {
        database = db;
        acme = TestKeys.generate("Acme <release@acme.example>");
    }

    @AfterEach
    void stop() {
        hosts.forEach(CarrierHost::close);
    }

    /** A host named {@code node} enforcing a policy that trusts {@code trusted} (none: no signer at all) for every carrier. */
    private ApiClient host(String node, TestKeys trusted) throws Exception {
        Path plugins = Files.createDirectories(root.resolve(node + "-plugins"));
        Map<String, String> settings = ClusterNodes.settings(database, node);
        settings.put("plugins.trust.mode", "enforce");
        if (trusted != null) {
            settings.put("plugins.trust.keyring", TestKeys.writeKeyring(root.resolve(node + "-trusted.asc"), trusted).toString());
            settings.put("plugins.trust.signer.acme.fingerprint", trusted.fingerprint());
            settings.put("plugins.trust.signer.acme.carriers", "*");
        }
        CarrierHost host = TestHosts.start(plugins, Files.createDirectories(root.resolve(node + "-data")), settings);
        hosts.add(host);
        return ApiClient.of(host);
    }

    private byte[] uploaded() throws Exception {
        return Files.readAllBytes(TestPlugins.mockVariant(Files.createDirectories(root.resolve("elsewhere")), "uploaded", "2.0.0"));
    }

    private static JsonNode carrierOn(ApiClient api, String node, String id) {
        for (JsonNode n : api.get("/api/cluster").json().path("nodes")) {
            if (n.path("node").asText().equals(node)) {
                for (JsonNode c : n.path("carriers")) {
                    if (c.path("id").asText().equals(id)) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    @BothDatabases
    void aSignedUploadReachesTheOtherHostWithItsSignatureAndIsTrustedThere() throws Exception {
        ApiClient a = host("a", acme);
        ApiClient b = host("b", acme);
        byte[] zip = uploaded();

        Reply installed = a.uploadSigned(zip, acme.sign(zip));

        assertEquals(200, installed.status(), installed.text());
        Await.until(WITHIN, () -> "STARTED".equals(b.get("/api/carriers/uploaded").json().path("state").asText()),
                () -> b.get("/api/carriers/uploaded").text());
        JsonNode there = b.get("/api/carriers/uploaded").json();
        assertEquals("cluster", there.path("source").asText(), there.toString());
        assertEquals("trusted", there.path("signature").path("status").asText(), there.toString());
        assertEquals(acme.fingerprint(), there.path("signature").path("fingerprint").asText());
    }

    @BothDatabases
    void aHostWhosePolicyLacksTheSignerRefusesTheZipTheOtherAcceptedAndTheClusterViewShowsIt() throws Exception {
        ApiClient a = host("a", acme);
        ApiClient b = host("b", null);
        byte[] zip = uploaded();

        Reply installed = a.uploadSigned(zip, acme.sign(zip));

        assertEquals(200, installed.status(), installed.text());
        assertEquals("trusted", installed.json().path("signature").path("status").asText(), installed.text());
        Await.until(WITHIN, () -> {
            JsonNode seen = carrierOn(a, "b", "uploaded");
            return seen != null && !seen.path("refused").isNull() && carrierOn(a, "a", "uploaded") != null;
        }, () -> a.get("/api/cluster").text());
        JsonNode onB = carrierOn(a, "b", "uploaded");
        assertTrue(onB.path("refused").asText().contains("not trusted"), onB.toString());
        assertEquals("FAILED", onB.path("state").asText(), onB.toString());
        assertTrue(carrierOn(a, "a", "uploaded").path("refused").isNull(), a.get("/api/cluster").text());
        assertEquals("STARTED", a.get("/api/carriers/uploaded").json().path("state").asText());
    }
}
