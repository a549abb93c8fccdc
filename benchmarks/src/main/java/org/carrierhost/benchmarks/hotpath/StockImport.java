package org.carrierhost.benchmarks.hotpath;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Imports a local stock over the HTTP API, as an operator would: {@code POST /api/numbers/import} in
 * chunks of 100,000. Number {@code k} is {@code +1 (201 + k / 10000) 555 (k % 10000)}, so 1,000,000
 * numbers fill the area codes 201 to 300 and {@code prefix=2015} finds 10,000 of them.
 *
 * <p>Usage: {@code StockImport <base url on 127.0.0.1> <token> <count>}.
 *
 * <p>Thread-safe: stateless; a command-line tool.
 */
public final class StockImport {

    private static final int CHUNK = 100_000;

    private StockImport() {
    }

    /** Number {@code k} of the stock. */
    public static String number(int k) {
        return String.format("+1%03d555%04d", 201 + k / 10_000, k % 10_000);
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0] + "/api/numbers/import");
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("loopback only: " + uri);
        }
        int count = Integer.parseInt(args[2]);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        for (int from = 0; from < count; from += CHUNK) {
            StringBuilder body = new StringBuilder("{\"carrier\":\"local\",\"numbers\":[");
            for (int k = from; k < Math.min(count, from + CHUNK); k++) {
                body.append(k == from ? "\"" : ",\"").append(number(k)).append('"');
            }
            body.append("]}");
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + args[1]).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("import at " + from + " answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        System.out.printf("imported %,d numbers in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }
}
