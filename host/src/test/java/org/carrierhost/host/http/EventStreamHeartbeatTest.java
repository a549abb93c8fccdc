package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.carrierhost.host.TestHosts;
import org.carrierhost.host.config.HostConfiguration;
import org.carrierhost.host.events.AuditLog;
import org.carrierhost.host.events.JdbcEventLog;
import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event stream's heartbeat: a comment on an idle stream, so proxies and the idle timeout leave it open. */
class EventStreamHeartbeatTest {

    @TempDir
    Path data;

    @Test
    void anIdleStreamGetsAHeartbeatComment() throws Exception {
        var settings = HostConfiguration.of(Map.of("http.port", "0", "admin.token", TestHosts.ADMIN_TOKEN,
                "data.dir", data.toString(), "plugins.dir", data.resolve("plugins").toString())).settings();
        try (Database database = Database.open(Database.embeddedUrl(data), settings.store().user(), settings.store().password());
             AuditLog log = new AuditLog(new JdbcEventLog(database.dataSource()));
             ApiServer server = new ApiServer(AccessTokens.of(TestHosts.ADMIN_TOKEN, Map.of()), settings.http(), JsonMapper.create())) {
            new EventStream(log, JsonMapper.create(), Duration.ofMillis(100)).register(server);
            server.start();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/events/stream"))
                    .header("Authorization", "Bearer " + TestHosts.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertEquals(": connected", in.readLine());
                assertEquals("", in.readLine());
                assertEquals(": heartbeat", in.readLine());
            }
            assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        }
    }
}
