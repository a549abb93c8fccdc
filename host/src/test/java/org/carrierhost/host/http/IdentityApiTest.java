package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/whoami}: the token's name and role. */
class IdentityApiTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    private CarrierHost host;

    @BeforeEach
    void start() {
        host = TestHosts.start(plugins, data, Map.of("auth.token.watcher", "viewer:watcher-secret-123456"));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void theAdminTokenIsNamedAdmin() {
        ApiClient.Reply reply = ApiClient.of(host).get("/api/whoami");

        assertEquals(200, reply.status());
        assertEquals("admin", reply.json().path("name").asText());
        assertEquals("admin", reply.json().path("role").asText());
    }

    @Test
    void aNamedTokenGivesItsNameAndRole() {
        ApiClient.Reply reply = ApiClient.of(host).withToken("watcher-secret-123456").get("/api/whoami");

        assertEquals("watcher", reply.json().path("name").asText());
        assertEquals("viewer", reply.json().path("role").asText());
    }

    @Test
    void noTokenIsRefused() {
        assertEquals(401, ApiClient.of(host).withToken(null).get("/api/whoami").status());
    }
}
