package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.config.InvalidSettingException;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inputs that answered 500, and the smaller points of issue 11, answered as they should be. */
class HttpHardeningTest {

    @RegisterExtension
    final CarrierHostExtension mock = TestHosts.mockOverHttp();

    @Test
    void anUploadWithAnEmptyContentTypeIsInvalid() {
        assertEquals(400, ApiClient.of(mock.host()).send("POST", "/api/carriers", new byte[] {1, 2}, ";").status());
    }

    @Test
    void anAccountIdOverItsLimitIsInvalid() {
        ApiClient.Reply reply = ApiClient.of(mock.host()).post("/api/numbers/+14159000000/acquire", "{\"account_id\":\"" + "x".repeat(129) + "\"}");
        assertEquals(400, reply.status(), reply.text());
    }

    @Test
    void headAnswersAsGetWithoutABody() throws Exception {
        HttpResponse<byte[]> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.host().url() + "api/health"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
    }

    @Test
    void aNotFoundEchoesABoundedPartOfThePath() {
        ApiClient.Reply reply = ApiClient.of(mock.host()).get("/api/" + "y".repeat(200_000));
        // Jetty refuses a request line this long as 414 before routing; either way the answer is short.
        assertTrue(reply.status() == 404 || reply.status() == 414, "status " + reply.status());
        assertTrue(reply.text().length() < 2_000, reply.text().length() + " characters");
    }

    @Test
    void repeatedWrongTokensAreAnsweredTooManyRequests() {
        ApiClient wrong = ApiClient.of(mock.host()).withToken("wrong-token-wrong-token");
        int last = 0;
        for (int i = 0; i < AuthThrottle.FREE_FAILURES + 2; i++) {
            last = wrong.get("/api/carriers").status();
        }
        assertEquals(429, last);
    }

    @Test
    void theDataDirectoryIsOwnerOnlyAndTheRegistryFilesToo() throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(mock.dataDir())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(mock.dataDir().resolve("registry.mv.db"))));
    }

    @Test
    void anAdminTokenShorterThanSixteenCharactersIsRefused() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> HostConfiguration.of(Map.of("admin.token", "x")).settings());
        assertTrue(e.getMessage().contains("admin.token"), e.getMessage());
    }
}
