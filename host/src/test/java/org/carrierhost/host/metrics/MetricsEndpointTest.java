package org.carrierhost.host.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.ApiClient;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.MetricType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} of a real host serving the real mock zip, after real searches, acquires and
 * reloads over HTTP, read with a Prometheus text-format parser.
 */
class MetricsEndpointTest {

    private static final String CALLS = "carrierhost_carrier_calls_total";
    private static final String LATENCY = "carrierhost_carrier_call_duration_seconds";

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.mockOverHttp();

    @Test
    void eachCarrierCallCountEqualsTheSearchesAndAcquiresMade() {
        List<String> offered = search(3);
        acquire(offered.get(0));
        acquire(offered.get(1));

        Scrape scrape = scrape();
        assertEquals(3.0, scrape.the(CALLS, MetricType.COUNTER, Counter.class,
                Map.of("carrier", "mock", "operation", "find", "outcome", "ok")).getValue());
        assertEquals(2.0, scrape.the(CALLS, MetricType.COUNTER, Counter.class,
                Map.of("carrier", "mock", "operation", "acquire", "outcome", "ok")).getValue());
    }

    @Test
    void eachCarrierLatencyIsAHistogramPerOperation() {
        List<String> offered = search(3);
        acquire(offered.get(0));

        Scrape scrape = scrape();
        Histogram find = scrape.the(LATENCY, MetricType.HISTOGRAM, Histogram.class, Map.of("carrier", "mock", "operation", "find"));
        assertEquals(3, find.getSampleCount());
        assertTrue(find.getSampleSum() > 0, "the time spent in the three finds");
        assertTrue(find.getBuckets().size() > 10, "a percentile histogram has many buckets: " + find.getBuckets().size());
        Histogram.Bucket all = find.getBuckets().get(find.getBuckets().size() - 1);
        assertEquals(Double.POSITIVE_INFINITY, all.getUpperBound());
        assertEquals(3, all.getCumulativeCount());
        Histogram acquire = scrape.the(LATENCY, MetricType.HISTOGRAM, Histogram.class,
                Map.of("carrier", "mock", "operation", "acquire"));
        assertEquals(1, acquire.getSampleCount());
    }

    @Test
    void carrierErrorsAreCountedByTheirCode() {
        String number = search(1).get(0);
        api().post("/api/carriers/mock/disable", "");
        Reply refused = api().post("/api/numbers/" + number + "/acquire", "{}");
        assertEquals(503, refused.status(), refused.text());

        Counter failed = scrape().the(CALLS, MetricType.COUNTER, Counter.class,
                Map.of("carrier", "mock", "operation", "acquire", "outcome", "carrier_unavailable"));
        assertEquals(1.0, failed.getValue());
    }

    @Test
    void stateAndBreakerStateAreOneSeriesEachWithOneForTheCurrent() {
        Scrape scrape = scrape();
        assertEquals(1.0, gauge(scrape, "carrierhost_carrier_state", "started"));
        assertEquals(0.0, gauge(scrape, "carrierhost_carrier_state", "disabled"));
        assertEquals(1.0, gauge(scrape, "carrierhost_carrier_breaker_state", "closed"));
        assertEquals(0.0, gauge(scrape, "carrierhost_carrier_breaker_state", "open"));
        assertEquals(0.0, scrape.the("carrierhost_carrier_calls_in_flight", MetricType.GAUGE, Gauge.class,
                Map.of("carrier", "mock")).getValue());

        api().post("/api/carriers/mock/disable", "");
        assertEquals(1.0, gauge(scrape(), "carrierhost_carrier_state", "disabled"));
        assertEquals(0.0, gauge(scrape(), "carrierhost_carrier_state", "started"));
    }

    @Test
    void aReloadIsCountedAsASwapAndTimed() {
        Reply reloaded = api().post("/api/carriers/mock/reload", "");
        assertEquals(200, reloaded.status(), reloaded.text());

        Scrape scrape = scrape();
        String events = "carrierhost_lifecycle_events_total";
        assertEquals(2.0, scrape.the(events, MetricType.COUNTER, Counter.class, Map.of("action", "load", "outcome", "ok")).getValue(),
                "the load at start and the reload's");
        assertEquals(1.0, scrape.the(events, MetricType.COUNTER, Counter.class, Map.of("action", "swap", "outcome", "ok")).getValue());
        assertEquals(1.0, scrape.the(events, MetricType.COUNTER, Counter.class, Map.of("action", "reload", "outcome", "ok")).getValue());
        Histogram reload = scrape.the("carrierhost_lifecycle_duration_seconds", MetricType.HISTOGRAM, Histogram.class,
                Map.of("action", "reload"));
        assertEquals(1, reload.getSampleCount());
        assertTrue(reload.getSampleSum() > 0);
    }

    @Test
    void httpRequestsAreCountedByRoutePatternAndStatus() {
        api().get("/api/carriers/mock");
        api().get("/api/carriers/nobody");
        api().get("/api/carriers/somebody");
        api().get("/no/such/path");

        Scrape scrape = scrape();
        String requests = "carrierhost_http_requests_seconds";
        assertEquals(1, scrape.the(requests, MetricType.HISTOGRAM, Histogram.class,
                Map.of("method", "GET", "route", "/api/carriers/{id}", "status", "200")).getSampleCount());
        assertEquals(2, scrape.the(requests, MetricType.HISTOGRAM, Histogram.class,
                Map.of("method", "GET", "route", "/api/carriers/{id}", "status", "404")).getSampleCount());
        assertEquals(1, scrape.the(requests, MetricType.HISTOGRAM, Histogram.class,
                Map.of("method", "GET", "route", "unmatched", "status", "404")).getSampleCount());
        assertFalse(scrape.metric(requests, MetricType.HISTOGRAM, Histogram.class, Map.of("route", "/no/such/path")).isPresent());
    }

    @Test
    void theConnectionPoolAndTheJvmAreMetered() {
        Scrape scrape = scrape();
        assertEquals(16.0, scrape.the("hikaricp_connections_max", MetricType.GAUGE, Gauge.class, Map.of()).getValue(),
                "store.pool_size's default");
        assertTrue(scrape.has("hikaricp_connections_active"));
        assertTrue(scrape.has("hikaricp_connections_idle"));
        assertTrue(scrape.has("hikaricp_connections_usage_seconds"), "how long registry queries held a connection");
        for (String jvm : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "process_uptime_seconds", "system_cpus", "process_cpu_seconds_total")) {
            assertTrue(scrape.has(jvm), jvm);
        }
    }

    private Scrape scrape() {
        Reply reply = api().get("/metrics");
        assertEquals(200, reply.status(), reply.text());
        return Scrape.parse(reply.text());
    }

    private static double gauge(Scrape scrape, String name, String state) {
        return scrape.the(name, MetricType.GAUGE, Gauge.class, Map.of("carrier", "mock", "state", state)).getValue();
    }

    private List<String> search(int times) {
        List<String> numbers = new java.util.ArrayList<>();
        for (int i = 0; i < times; i++) {
            Reply reply = api().get("/api/numbers?prefix=415&quantity=5");
            assertEquals(200, reply.status(), reply.text());
            numbers.add(reply.json().path("numbers").get(i).path("number").asText());
        }
        return numbers;
    }

    private void acquire(String number) {
        Reply acquired = api().post("/api/numbers/" + number + "/acquire", "{}");
        assertEquals(200, acquired.status(), acquired.text());
    }

    private ApiClient api() {
        return ApiClient.of(carriers.host());
    }
}
