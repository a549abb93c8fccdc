package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a keystore made by the JDK's keytool, called with the JDK's HttpClient. */
class TlsTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path keys;

    private CarrierHost start(Path keystore) throws Exception {
        TestPlugins.copyMock(plugins);
        return TestHosts.start(plugins, data, Map.of("http.tls.keystore", keystore.toString(),
                "http.tls.keystore_password", Keystores.PASSWORD, "http.tls.keystore_type", "PKCS12"));
    }

    @Test
    void servesTheApiOverHttpsWithTheConfiguredKeystore() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host");
        try (CarrierHost host = start(keystore)) {
            assertTrue(host.url().startsWith("https://127.0.0.1:"), host.url());
            HttpClient https = HttpClient.newBuilder().sslContext(Keystores.trusting(keystore)).build();

            HttpResponse<String> reply = https.send(HttpRequest.newBuilder(URI.create(host.url() + "api/carriers"))
                    .header("Authorization", "Bearer " + TestHosts.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, reply.statusCode());
            assertTrue(reply.body().contains("\"id\":\"mock\""), reply.body());
            assertEquals("max-age=31536000", reply.headers().firstValue("Strict-Transport-Security").orElse(""));

            HttpResponse<String> missing = https.send(HttpRequest.newBuilder(URI.create(host.url() + "api/nowhere")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Over HTTP/1.1: HTTP/2 ends a connection whose headers are too large rather than answering 431.
            HttpClient http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(Keystores.trusting(keystore)).build();
            HttpResponse<String> malformed = http1.send(HttpRequest.newBuilder(URI.create(host.url() + "api/health"))
                    .header("X-Big", "b".repeat(10_000)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(431, malformed.statusCode());
            for (HttpResponse<String> error : java.util.List.of(missing, malformed)) {
                assertTrue(error.headers().firstValue("Strict-Transport-Security").isPresent(), "no HSTS on " + error.statusCode());
            }
        }
    }

    @Test
    void servesTheKeyTheAliasNamesOfSeveral() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "first", "CN=first", null, 2);
        Keystores.make(keystore, "second", "CN=second", null, 2);
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("http.tls.keystore", keystore.toString(),
                "http.tls.keystore_password", Keystores.PASSWORD, "http.tls.key_alias", "second"))) {

            assertEquals("CN=second", servedCertificate(host, Keystores.trusting(keystore)).getSubjectX500Principal().getName());
        }
    }

    @Test
    void aReplacedKeystoreFileIsServedWithoutARestart() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host", "CN=first", null, 2);
        Path replacement = Keystores.make(keys.resolve("next.p12"), "host", "CN=second", null, 2);
        SSLContext trustingBoth = Keystores.trusting(keystore, replacement);
        try (CarrierHost host = start(keystore)) {
            assertEquals("CN=first", servedCertificate(host, trustingBoth).getSubjectX500Principal().getName());

            Files.move(replacement, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            long deadline = System.nanoTime() + 20_000_000_000L;
            String served = "CN=first";
            while (!served.equals("CN=second") && System.nanoTime() < deadline) {
                Thread.sleep(200);
                served = servedCertificate(host, trustingBoth).getSubjectX500Principal().getName();
            }
            assertEquals("CN=second", served);
        }
    }

    @Test
    void aBrokenReplacementKeepsTheCertificateServed() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host", "CN=first", null, 2);
        SSLContext trusting = Keystores.trusting(keystore);
        try (CarrierHost host = start(keystore)) {
            Files.writeString(keys.resolve("half.p12"), "half a keystore");
            Files.move(keys.resolve("half.p12"), keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(4000); // the scanner looks every second and reports a change once the file is stable

            assertEquals("CN=first", servedCertificate(host, trusting).getSubjectX500Principal().getName());
        }
    }

    /** The certificate a new connection is served, after a 200 from /api/health. */
    private static X509Certificate servedCertificate(CarrierHost host, SSLContext trusting) throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(trusting).build();
        HttpResponse<String> reply = https.send(HttpRequest.newBuilder(URI.create(host.url() + "api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        return (X509Certificate) reply.sslSession().orElseThrow().getPeerCertificates()[0];
    }
}
