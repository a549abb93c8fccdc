package org.carrierhost.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One packaged host process, {@code bin/carrier-host} of the distribution, started with some flags and
 * driven over HTTP; its standard output is collected line by line.
 *
 * @param process the launcher's process (the launcher {@code exec}s Java, so it is the JVM itself)
 * @param url     the URL it printed, without the trailing slash
 * @param lines   what it printed so far
 * @param reader  the thread reading its output
 */
record PackagedHost(Process process, String url, List<String> lines, Thread reader) {

    /** The unpacked distribution the build made. */
    static final Path HOME = Path.of(System.getProperty("dist.home", "target/carrier-host"));
    private static final Pattern LISTENING = Pattern.compile("Carrier Host listening on (http://\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Starts {@code bin/carrier-host} with {@code args} and waits (up to 60 s) for the URL it prints. */
    static PackagedHost start(List<String> args) throws IOException, InterruptedException {
        return start(args, Map.of());
    }

    /** As {@link #start(List)}, with {@code environment} added to this JVM's. */
    static PackagedHost start(List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/carrier-host").toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        BlockingQueue<String> url = new LinkedBlockingQueue<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.add(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        });
        reader.setDaemon(true);
        reader.start();
        String base = url.poll(60, TimeUnit.SECONDS);
        if (base == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher printed no URL within 60 s: " + String.join("\n", lines));
        }
        return new PackagedHost(process, base.replaceAll("/$", ""), lines, reader);
    }

    /** Sends one request, with {@code token} as the bearer token unless null. */
    HttpResponse<String> call(String token, String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #call(String, String, String, String, byte[])} with a JSON body, or none. */
    HttpResponse<String> call(String token, String method, String path, String json) throws IOException, InterruptedException {
        return call(token, method, path, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** SIGTERM, and waits for it to stop. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(30, TimeUnit.SECONDS);
    }
}
