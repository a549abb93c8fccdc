package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.plugins.trust.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Signed carriers through the host over HTTP: drop-ins paired with x.zip.asc, and signed uploads, under plugins.trust.mode=enforce. */
class SignedCarriersTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path elsewhere;
    private CarrierHost host;
    private TestKeys acme;
    private final Map<String, String> settings = new LinkedHashMap<>(TestHosts.FAST_WATCH);

    @BeforeEach
    void policyTrustingAcmeForMock() throws Exception {
        acme = TestKeys.generate("Acme <release@acme.example>");
        settings.putAll(acme.enforcing(elsewhere.resolve("trusted.asc"), "mock*"));
        settings.put("plugins.trust.pair_ms", "1500");
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
    }

    private ApiClient start() {
        host = TestHosts.start(plugins, data, settings);
        return ApiClient.of(host);
    }

    private void signBeside(Path zip, TestKeys keys) throws Exception {
        Files.write(zip.resolveSibling(zip.getFileName() + ".asc"), keys.sign(Files.readAllBytes(zip)));
    }

    private static JsonNode awaitCarrier(ApiClient api, String id, String state) {
        Await.until(Duration.ofSeconds(15), () -> state.equals(api.get("/api/carriers/" + id).json().path("state").asText()),
                () -> api.get("/api/carriers/" + id).text());
        return api.get("/api/carriers/" + id).json();
    }

    private static int found(ApiClient api) {
        return api.get("/api/numbers?prefix=415&quantity=10").json().path("numbers").size();
    }

    @Test
    void aDropInSignedByATrustedKeyLoadsAndShowsItsSignature() throws Exception {
        Path zip = TestPlugins.mockVariant(elsewhere, "mock", "1.0.0");
        signBeside(zip, acme);
        Files.copy(zip.resolveSibling(zip.getFileName() + ".asc"), plugins.resolve("carrier-mock-1.0.0.zip.asc"));
        Files.copy(zip, plugins.resolve("carrier-mock-1.0.0.zip"));

        JsonNode mock = awaitCarrier(start(), "mock", "STARTED");

        JsonNode signature = mock.path("signature");
        assertEquals("trusted", signature.path("status").asText(), mock.toString());
        assertEquals("acme", signature.path("signer").asText());
        assertEquals(acme.fingerprint(), signature.path("fingerprint").asText());
        assertTrue(signature.path("created").asText().endsWith("Z"), signature.toString());
    }

    @Test
    void aZipDroppedBeforeItsSignatureWaitsForItAndLoadsTrusted() throws Exception {
        ApiClient api = start();
        Path zip = Files.copy(TestPlugins.mockVariant(elsewhere, "mock", "1.0.0"), plugins.resolve("carrier-mock-1.0.0.zip"));
        Await.pause(400);
        signBeside(zip, acme);

        JsonNode mock = awaitCarrier(api, "mock", "STARTED");

        assertEquals("trusted", mock.path("signature").path("status").asText(), mock.toString());
        assertEquals(0, TestHosts.eventCount(host, "verify", "carrier-mock"), "no refusal was told while it waited");
    }

    @Test
    void anUnsignedDropInIsRefusedUnderEnforceAndItsZipStays() throws Exception {
        ApiClient api = start();
        Files.copy(TestPlugins.mockVariant(elsewhere, "mock", "1.0.0"), plugins.resolve("carrier-mock-1.0.0.zip"));

        Await.until(Duration.ofSeconds(15), () -> api.get("/api/carriers/carrier-mock-1.0.0.zip").status() == 200,
                () -> api.get("/api/carriers").text());

        Reply listed = api.get("/api/carriers/carrier-mock-1.0.0.zip");
        assertTrue(listed.json().path("error").path("message").asText().contains("not trusted"), listed.text());
        assertTrue(Files.exists(plugins.resolve("carrier-mock-1.0.0.zip")));
        assertEquals(0, found(api));
    }

    @Test
    void aSignedZipWithOneByteChangedIsRefusedAndTheOldVersionKeepsServing() throws Exception {
        Path zip = plugins.resolve("carrier-mock-1.0.0.zip");
        Files.copy(TestPlugins.mockVariant(elsewhere, "mock", "1.0.0"), zip);
        signBeside(zip, acme);
        ApiClient api = start();
        awaitCarrier(api, "mock", "STARTED");
        byte[] v2 = Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "mock", "1.1.0"));
        byte[] signature = acme.sign(v2);
        v2[v2.length - 3] ^= 1; // in the zip's end record: still a byte the signature covers
        Files.write(zip.resolveSibling(zip.getFileName() + ".asc"), signature);
        Files.write(zip, v2);

        Await.until(Duration.ofSeconds(15), () -> "refused".equals(api.get("/api/carriers/mock").json().path("signature").path("status").asText()),
                () -> api.get("/api/carriers/mock").text());

        JsonNode mock = api.get("/api/carriers/mock").json();
        assertEquals("bad signature", mock.path("signature").path("reason").asText(), mock.toString());
        assertEquals("1.0.0", mock.path("version").asText(), "the old version serves");
        assertEquals("STARTED", mock.path("state").asText());
        assertEquals(10, found(api));
        assertTrue(Files.exists(zip), "the refused zip stays where the operator put it");
        assertTrue(TestHosts.eventCount(host, "verify", "carrier-mock-1.0.0.zip") >= 1);
    }

    @Test
    void aSignedUploadLoadsTrustedAndOneOutsideItsSignersCarriersIsRefused() throws Exception {
        ApiClient api = start();
        byte[] mock = Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "mock", "2.0.0"));
        byte[] other = Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "other", "1.0.0"));

        Reply installed = api.uploadSigned(mock, acme.sign(mock));
        Reply outside = api.uploadSigned(other, acme.sign(other));

        assertEquals(200, installed.status(), installed.text());
        assertEquals("trusted", installed.json().path("signature").path("status").asText(), installed.text());
        assertEquals("acme", api.get("/api/carriers/mock").json().path("signature").path("signer").asText());
        assertEquals(400, outside.status(), outside.text());
        assertTrue(outside.text().contains("outside its carriers"), outside.text());
        JsonNode refused = api.get("/api/carriers/other").json();
        assertEquals("refused", refused.path("signature").path("status").asText(), refused.toString());
        assertEquals("outside its carriers", refused.path("signature").path("reason").asText());
        assertTrue(!"STARTED".equals(refused.path("state").asText()), refused.toString());
    }

    @Test
    void anUnsignedUploadIsRefusedUnderEnforceAndAPlainZipBodyStaysAccepted() throws Exception {
        ApiClient api = start();
        byte[] mock = Files.readAllBytes(TestPlugins.mockVariant(elsewhere, "mock", "2.0.0"));

        Reply refused = api.send("POST", "/api/carriers", mock, "application/zip");

        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.text().contains("not trusted"), refused.text());
        settings.put("plugins.trust.mode", "warn");
        host.close();
        ApiClient warn = start();
        Reply unsigned = warn.send("POST", "/api/carriers", mock, "application/zip");
        assertEquals(200, unsigned.status(), unsigned.text());
        assertEquals("unsigned", unsigned.json().path("signature").path("status").asText());
    }
}
