package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.Await;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A new version of a serving carrier self-tested before it takes traffic ({@code plugins.selftest.before_serving}),
 * refused when its self-test fails while searches run: the old version serves on and no search fails. Run with the
 * carriers in the host's process by {@link SelfTestGateTest} and in processes of their own by
 * {@link IsolatedSelfTestGateTest}.
 */
abstract class SelfTestRefusals extends MockUpgrades {

    @BeforeEach
    void selfTestedBeforeServing() {
        settings.put("plugins.selftest.before_serving", "true");
        settings.put("plugins.selftest.timeout_ms", "1500");
    }

    /** Uploads {@code switches}' v2 while searches run; asserts it is refused naming {@code reason}, and no search failed. */
    void refusedUnderLoad(String switches, String reason) throws Exception {
        start();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong searches = new AtomicLong();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> searchers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread searcher = new Thread(() -> {
                while (running.get()) {
                    Reply reply = api.get("/api/numbers?prefix=415&quantity=5");
                    searches.incrementAndGet();
                    if (reply.status() != 200 || reply.json().path("numbers").size() != 5 || reply.json().path("errors").size() != 0) {
                        failures.add(reply.status() + " " + reply.text());
                    }
                }
            });
            searcher.start();
            searchers.add(searcher);
        }

        Await.until(Duration.ofSeconds(10), () -> searches.get() >= 20, () -> searches.get() + " searches before the upload");
        Reply refused = upload("2.0.0", switches);
        long after = searches.get();
        Await.until(Duration.ofSeconds(10), () -> searches.get() >= after + 20, () -> searches.get() + " searches after the upload");

        running.set(false);
        for (Thread searcher : searchers) {
            searcher.join();
        }
        assertEquals(400, refused.status(), refused.text());
        assertTrue(refused.text().contains("self-test failed") && refused.text().contains(reason), refused.text());
        JsonNode mock = mock();
        assertEquals("1.0.0", mock.path("version").asText(), "v1 serves on");
        assertEquals("started", mock.path("state").asText().toLowerCase(java.util.Locale.ROOT));
        assertEquals("failed", mock.path("selftest").path("outcome").asText(), mock.toString());
        assertEquals("2.0.0", mock.path("selftest").path("version").asText());
        assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(3, failures.size())),
                failures.size() + " of " + searches.get() + " searches failed");
    }

    @Test
    void aV2WithBadCredentialsIsRefusedWhileV1ServesUnderLoadWithNoFailedSearch() throws Exception {
        refusedUnderLoad("bad_credentials=true\n", "credentials");
    }

    @Test
    void aV2WhoseParserBreaksIsRefusedWhileV1ServesUnderLoadWithNoFailedSearch() throws Exception {
        refusedUnderLoad("broken_parser=true\n", "parse");
    }
}
