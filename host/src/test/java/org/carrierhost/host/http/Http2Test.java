package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/2 beside HTTP/1.1, as curl and the JDK's HttpClient speak it: h2c on the plain port by prior knowledge, and
 * h2 chosen by ALPN over TLS.
 */
class Http2Test {

    private static final String HEALTH = "api/health";

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path keys;

    private CarrierHost plain() throws Exception {
        TestPlugins.copyMock(plugins);
        return TestHosts.start(plugins, data, Map.of());
    }

    private CarrierHost secure(Path keystore) throws Exception {
        TestPlugins.copyMock(plugins);
        return TestHosts.start(plugins, data, Map.of("http.tls.keystore", keystore.toString(),
                "http.tls.keystore_password", Keystores.PASSWORD));
    }

    @Test
    void curlWithPriorKnowledgeGetsHealthOverH2c() throws Exception {
        try (CarrierHost host = plain()) {
            assertEquals("200 2", curl("--http2-prior-knowledge", host.url() + HEALTH));
        }
    }

    @Test
    void curlOverTlsChoosesH2ByAlpn() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host");
        Path pem = pem(keystore);
        try (CarrierHost host = secure(keystore)) {
            assertEquals("200 2", curl("--http2", "--cacert", pem.toString(), host.url() + HEALTH));
        }
    }

    @Test
    void http11StaysOnThePlainPort() throws Exception {
        try (CarrierHost host = plain()) {
            assertEquals("200 1.1", curl("--http1.1", host.url() + HEALTH));
        }
    }

    @Test
    void http11StaysOverTls() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host");
        Path pem = pem(keystore);
        try (CarrierHost host = secure(keystore)) {
            assertEquals("200 1.1", curl("--http1.1", "--cacert", pem.toString(), host.url() + HEALTH));
        }
    }

    @Test
    void anUpgradeToH2cIsAnsweredInHttp11() throws Exception {
        try (CarrierHost host = plain()) {
            // The JDK's client asks Upgrade: h2c on a plain port by default; RFC 9113 deprecates that upgrade.
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(host.url() + HEALTH)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, reply.statusCode(), reply.body());
            assertEquals(HttpClient.Version.HTTP_1_1, reply.version());
        }
    }

    @Test
    void theJdkClientGetsH2OverTls() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host");
        try (CarrierHost host = secure(keystore)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                    .sslContext(Keystores.trusting(keystore)).build();

            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(host.url() + "api/carriers"))
                    .header("Authorization", "Bearer " + TestHosts.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, reply.statusCode(), reply.body());
            assertEquals(HttpClient.Version.HTTP_2, reply.version());
            assertTrue(reply.body().contains("\"id\":\"mock\""), reply.body());
        }
    }

    @Test
    void aRawHttp2PrefaceIsAnsweredInHttp2NotWith426() throws Exception {
        try (CarrierHost host = plain(); Socket socket = new Socket("127.0.0.1", URI.create(host.url()).getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // An empty SETTINGS frame: length 0, type 4, flags 0, stream 0.
            out.write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0});
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] header = in.readNBytes(9);

            assertEquals(9, header.length);
            assertFalse(new String(header, StandardCharsets.US_ASCII).startsWith("HTTP/"), "an HTTP/1 answer to the preface");
            assertEquals(4, header[3], "the server's first frame is its SETTINGS");
        }
    }

    @Test
    void aRawHttp2PrefaceOnTheTlsPortGetsNo426() throws Exception {
        Path keystore = Keystores.make(keys.resolve("host.p12"), "host");
        try (CarrierHost host = secure(keystore); Socket socket = new Socket("127.0.0.1", URI.create(host.url()).getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer;
            try {
                answer = new String(socket.getInputStream().readNBytes(512), StandardCharsets.ISO_8859_1);
            } catch (java.io.IOException closed) {
                answer = "";
            }

            assertFalse(answer.contains("426"), "a 426 for cleartext on the TLS port: " + answer);
        }
    }

    /** curl's status and HTTP version for {@code args}, as {@code "200 2"}. */
    private static String curl(String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed at /usr/bin/curl");
        List<String> command = new ArrayList<>(List.of("/usr/bin/curl", "-sS", "-o", "/dev/null", "-w",
                "%{http_code} %{http_version}", "--max-time", "20"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
        assertEquals(0, process.exitValue(), output);
        return output.strip();
    }

    /** The keystore's certificate in PEM, for curl's --cacert. */
    private Path pem(Path keystore) throws Exception {
        byte[] der = Keystores.certificate(keystore, "host").getEncoded();
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(keys.resolve("host.pem"), pem);
    }
}
