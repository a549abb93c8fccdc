package org.carrierhost.benchmarks.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.carrierhost.benchmarks.Samples;

/**
 * The time from a change on one host to its effect on another sharing its database: disables and
 * enables carrier {@code mock} on host A, alternately, and polls host B ({@code GET /api/carriers/mock},
 * back to back) until B shows the new state. The clock starts when A's request is sent. The baseline, in
 * the same run, is the round trip of one such poll ({@code GET /api/carriers/mock} on B), which bounds
 * how finely the effect can be seen.
 *
 * <p>Usage: {@code ChangePropagationBenchmark <url of A> <url of B> <token> <changes>}; prints one
 * Markdown table row per figure.
 *
 * <p>Not thread-safe: a command-line tool with one thread.
 */
public final class ChangePropagationBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChangePropagationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String a = args[0];
        String b = args[1];
        String token = args[2];
        int changes = Integer.parseInt(args[3]);
        Samples propagation = new Samples();
        Samples answered = new Samples();
        Samples poll = new Samples();
        for (int i = 0; i < changes; i++) {
            boolean disable = i % 2 == 0;
            String expected = disable ? "\"state\":\"DISABLED\"" : "\"state\":\"STARTED\"";
            long start = System.nanoTime();
            HttpResponse<String> change = send(token, "POST", a + "/api/carriers/mock/" + (disable ? "disable" : "enable"));
            answered.addSince(start);
            if (change.statusCode() != 200) {
                throw new IllegalStateException("the change failed: " + change.body());
            }
            while (true) {
                long polled = System.nanoTime();
                String seen = send(token, "GET", b + "/api/carriers/mock").body();
                poll.addSince(polled);
                if (seen.contains(expected)) {
                    propagation.addSince(start);
                    break;
                }
                if ((System.nanoTime() - start) / 1_000_000_000L > 30) {
                    throw new IllegalStateException("B did not follow within 30 s: " + seen);
                }
            }
            Thread.sleep(50);
        }
        System.out.printf("| change on A seen on B (disable/enable, %d changes) | %.1f | %.1f | %.1f |%n",
                changes, propagation.median(), propagation.percentile(0.99), propagation.percentile(1.0));
        System.out.printf("| the change's own answer on A | %.1f | %.1f | %.1f |%n",
                answered.median(), answered.percentile(0.99), answered.percentile(1.0));
        System.out.printf("| baseline: one poll of B (GET /api/carriers/mock), %d polls | %.2f | %.2f | %.2f |%n",
                poll.size(), poll.median(), poll.percentile(0.99), poll.percentile(1.0));
    }

    private static HttpResponse<String> send(String token, String method, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
