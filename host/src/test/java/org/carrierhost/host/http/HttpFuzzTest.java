package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.RunsAlone;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box fuzzing of every route over raw HTTP/1.1 on loopback: generated methods, paths (malformed,
 * percent-encoded, overlong), duplicated and huge query parameters, content types, tokens and bodies
 * (malformed, huge and deeply nested JSON, random bytes). Every answer must be below 500, the host must
 * answer its health check after, and its heap after GC must stay within {@value #HEAP_BOUND_MIB} MiB of
 * where it started. Only the HTTP wire is used, so the test holds whatever server runs the API.
 */
@RunsAlone
class HttpFuzzTest {

    private static final int REQUESTS = 10_000;
    private static final int THREADS = 4;
    private static final long HEAP_BOUND_MIB = 96;
    private static final String[] METHODS = {"GET", "GET", "POST", "POST", "DELETE", "PUT", "HEAD", "OPTIONS", "PATCH", "G\u00e9T"};
    private static final String[] ROUTES = {"/api/carriers", "/api/carriers/{id}", "/api/carriers/{id}/enable",
            "/api/carriers/{id}/disable", "/api/carriers/{id}/reload", "/", "/console", "/console/console.js",
            "/console/modules/{id}", "/console/console.css", "/api/events", "/api/health", "/api/numbers", "/api/numbers/check",
            "/api/numbers/import", "/api/numbers/{number}", "/api/numbers/{number}/acquire",
            "/api/numbers/{number}/disconnect", "/api/nowhere", "/api/numbers/{number}/{id}"};
    private static final String[] IDS = {"nope", "%2e%2e", "..", ".", "a%2Fb", "%00", "A", "x".repeat(65), "%zz", "%",
            "<script>", "%C3%A9", "carrier%0Aid", "_x", "-x"};
    private static final String[] NUMBERS = {"+14159000000", "%2B14159000001", "14159000002", "+1", "+", "%2B", "abc",
            "+1415900000000000000000", "%00", "%FF%FE", "+44%20207", "9".repeat(5000), "+14155550100"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/zip", ";", "", "text/plain",
            "application/json; charset=utf-16", "a/b;c=d;;", "application/zip;;;", "\u00ff/\u00ff", "multipart/form-data"};
    private static final String[] QUERIES = {"prefix=415&quantity=3", "prefix=415&prefix=416&prefix=417", "quantity=-1",
            "quantity=99999999999", "quantity=abc&prefix=415", "prefix=%zz", "prefix=%", "offset=-5&prefix=415",
            "country=ZZ&prefix=1", "carriers=nope,,mock,%00&prefix=415", "blocks=true&prefix=415", "&&&&=&=",
            "limit=1&limit=2", "prefix=" + "4".repeat(20_000), "prefix=415&quantity=3&" + "a=1&".repeat(2_000)};

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void tenThousandGeneratedRequestsGetNoServerErrorAndTheHostStaysUpWithinItsHeapBound() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of("http.max_body_bytes", "2000000"))) {
            long heapBefore = heapAfterGc();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int seed = t;
                runs.add(pool.submit(() -> {
                    Random random = new Random(1000 + seed);
                    for (int i = 0; i < REQUESTS / THREADS; i++) {
                        Request request = generate(random);
                        int status = send(host.port(), request);
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        if (status >= 500) {
                            serverErrors.add(status + " for " + request.describe());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();
            long heapAfter = heapAfterGc();
            System.out.println("fuzz: " + REQUESTS + " requests, statuses " + statuses + ", heap after GC "
                    + (heapBefore >> 20) + " -> " + (heapAfter >> 20) + " MiB");

            assertTrue(serverErrors.isEmpty(), serverErrors.size() + " server errors, first: "
                    + serverErrors.subList(0, Math.min(5, serverErrors.size())) + "; statuses " + statuses);
            assertEquals(REQUESTS, statuses.values().stream().mapToInt(AtomicInteger::get).sum());
            assertEquals(200, ApiClient.of(host).get("/api/health").status());
            assertTrue((heapAfter - heapBefore) >> 20 < HEAP_BOUND_MIB, "heap after GC grew from " + (heapBefore >> 20)
                    + " MiB to " + (heapAfter >> 20) + " MiB; statuses " + statuses);
        }
    }

    /** One generated request: the raw request line's method and target, headers and body. */
    private record Request(String method, String target, String contentType, String authorization, byte[] body) {
        String describe() {
            String t = target.length() > 120 ? target.substring(0, 120) + "..." : target;
            return method + " " + t + " (" + contentType + ", " + body.length + " body bytes: "
                    + new String(body, 0, Math.min(80, body.length), StandardCharsets.ISO_8859_1) + ")";
        }
    }

    private static Request generate(Random random) {
        String route = pick(random, ROUTES);
        String method = pick(random, METHODS);
        if (route.contains("/enable") || route.contains("/disable") || route.contains("/reload") || method.equals("DELETE")) {
            route = route.replace("{id}", pick(random, IDS)); // never the serving carrier: its 503s would be by design
        } else {
            route = route.replace("{id}", random.nextInt(4) == 0 ? "mock" : pick(random, IDS));
        }
        route = route.replace("{number}", pick(random, NUMBERS));
        if (method.equals("DELETE") && random.nextBoolean()) {
            route = "/api/carriers/" + pick(random, IDS);
        }
        switch (random.nextInt(12)) {
            case 0 -> route = route + "/";
            case 1 -> route = route.replace("/", "//");
            case 2 -> route = route + "/" + "z".repeat(random.nextInt(50_000));
            case 3 -> route = route + "%";
            case 4 -> route = "/api/../api/health";
            default -> { }
        }
        if (random.nextInt(3) == 0) {
            route = route + "?" + pick(random, QUERIES);
        }
        String authorization = switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "Bearer wrong";
            case 2 -> "Basic Zm9vOmJhcg==";
            case 3 -> "Bearer";
            default -> "Bearer " + TestHosts.ADMIN_TOKEN;
        };
        return new Request(method, route, pick(random, CONTENT_TYPES), authorization, body(random));
    }

    private static byte[] body(Random random) {
        String text = switch (random.nextInt(16)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "[".repeat(5_000 + random.nextInt(50_000)) + "]".repeat(10);
            case 3 -> "{\"a\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001);
            case 4 -> "{\"account_id\":\"" + "x".repeat(random.nextInt(1_000)) + "\",\"dry_run\":true}";
            case 5 -> "{\"account_id\":5,\"dry_run\":\"yes\",\"state\":\"bogus\"}";
            case 6 -> "{\"numbers\":[" + "\"+14155550100\",".repeat(random.nextInt(20_000)) + "1]}";
            case 7 -> "{\"carrier\":\"mock\",\"numbers\":[\"+14155550100\",null,{},[]]}";
            case 8 -> "{\"carrier\":[],\"numbers\":\"x\"}";
            case 9 -> "\"just a string\"";
            case 10 -> "{\"s\":\"" + "\\u0000\\ud800".repeat(1_000) + "\"}";
            case 11 -> "{\"n\":1" + "0".repeat(5_000) + "}";
            case 12 -> "{\"account_id\":\"acct\",\"state\":\"reserved\",\"dry_run\":true}";
            case 13 -> "{\"a\":1,\"a\":2,\"a\":3}";
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] noise = new byte[random.nextInt(random.nextInt(10) == 0 ? 1_500_000 : 2_000)];
        random.nextBytes(noise);
        if (noise.length > 4 && random.nextBoolean()) {
            noise[0] = 'P';
            noise[1] = 'K';
            noise[2] = 3;
            noise[3] = 4;
        }
        return noise;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Sends {@code request} on a fresh connection; the status, or 0 when the server closed without an answer. */
    private static int send(int port, Request request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1\r\nConnection: close\r\n");
            if (!request.contentType().isEmpty()) {
                head.append("Content-Type: ").append(request.contentType()).append("\r\n");
            }
            if (request.authorization() != null) {
                head.append("Authorization: ").append(request.authorization()).append("\r\n");
            }
            head.append("Content-Length: ").append(request.body().length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(request.body());
                out.flush();
            } catch (java.io.IOException refusedEarly) {
                // The server may answer (413, 400) and close before the whole body is sent.
            }
            InputStream in = socket.getInputStream();
            byte[] status = in.readNBytes(12);
            in.skip(Long.MAX_VALUE);
            String line = new String(status, StandardCharsets.ISO_8859_1);
            return line.startsWith("HTTP/1.1 ") && line.length() >= 12 ? Integer.parseInt(line.substring(9, 12)) : 0;
        } catch (java.net.SocketException reset) {
            return 0;
        }
    }

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
