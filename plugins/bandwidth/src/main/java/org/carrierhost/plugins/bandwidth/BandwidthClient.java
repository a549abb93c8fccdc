package org.carrierhost.plugins.bandwidth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.w3c.dom.Document;

/**
 * The HTTP side of the Bandwidth API for one account: sends requests with Basic auth and
 * {@code Accept: application/xml}, and turns every reply into a parsed body or a {@link CarrierException}
 * with a standard code. Only searches are retried (on 429); orders and disconnects never are, since a
 * retried order could buy the number twice.
 *
 * <p>Thread-safe: the JDK {@link HttpClient} is thread-safe and every other field is final and immutable.
 */
public final class BandwidthClient {

    private final BandwidthSettings settings;
    private final HttpClient http;
    private final Optional<String> authorization;
    private final String accountUrl;

    public BandwidthClient(BandwidthSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.authorization = settings.username().isEmpty() ? Optional.empty() : Optional.of("Basic " + Base64
                .getEncoder().encodeToString((settings.username() + ":" + settings.password())
                        .getBytes(StandardCharsets.UTF_8)));
        this.accountUrl = settings.baseUrl() + "/accounts/" + URLEncoder.encode(settings.accountId(),
                StandardCharsets.UTF_8);
    }

    /**
     * {@code GET /availableNumbers?query}; a 429 is waited out (until {@code X-RateLimit-Reset}) and retried
     * up to {@code max_retries} times while the wait fits in {@code timeout_ms} from the first attempt.
     */
    public Document search(String query) throws CarrierException {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        HttpRequest request = request("/availableNumbers?" + query).GET().build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 429) {
                return read(response, true);
            }
            Duration wait = RateLimitReset.waitFor(response.headers().firstValue("X-RateLimit-Reset"),
                    System.currentTimeMillis());
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (attempt >= settings.maxRetries() || wait.compareTo(left) > 0) {
                throw new CarrierException(ErrorCode.RATE_LIMITED, "bandwidth is throttling searches",
                        "HTTP 429 after " + (attempt + 1) + " attempts; the limit resets in " + wait.toMillis() + " ms");
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                throw Interruption.timeout("waiting out a 429 on a search");
            }
        }
    }

    /** {@code GET path} below the account; not retried. */
    public Document get(String path) throws CarrierException {
        return read(send(request(path).GET().build()), false);
    }

    /**
     * {@code POST path} below the account with an XML body; never retried. An accepted reply whose body
     * cannot be read is not an error here: what it created may exist, so the caller decides.
     *
     * @throws CarrierException when Bandwidth refused the request, or the accepted reply carries an error
     */
    public PostReply post(String path, String xml) throws CarrierException {
        HttpResponse<String> response = send(request(path).header("Content-Type", "application/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build());
        refuseUnsuccessful(response, false);
        Document doc;
        try {
            doc = BandwidthXml.parse(response.body());
        } catch (CarrierException unreadable) {
            return new PostReply.Unreadable(response.statusCode(), unreadable.detail(), locationId(response));
        }
        refuseErrors(doc, response.statusCode(), false);
        return new PostReply.Readable(doc, locationId(response));
    }

    /**
     * {@code DELETE path} below the account; never retried. A 404 is {@link ErrorCode#NOT_FOUND}: what was to be
     * deleted is not there (any more).
     */
    public Document delete(String path) throws CarrierException {
        HttpResponse<String> response = send(request(path).DELETE().build());
        if (response.statusCode() == 404) {
            throw new CarrierException(ErrorCode.NOT_FOUND, "bandwidth does not know " + path, "HTTP 404");
        }
        return read(response, false);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(accountUrl + path))
                .timeout(settings.timeout()).header("Accept", "application/xml")
                .header("User-Agent", "carrier-host-bandwidth");
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws CarrierException {
        String what = request.method() + " " + request.uri().getPath();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new CarrierException(ErrorCode.TIMEOUT, "bandwidth did not answer in time",
                    what + ": no reply within " + settings.timeout().toMillis() + " ms");
        } catch (IOException e) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "bandwidth is unreachable",
                    what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            throw Interruption.timeout(what);
        }
    }

    /** The parsed body of a successful reply; otherwise the failure it means. */
    private static Document read(HttpResponse<String> response, boolean search) throws CarrierException {
        refuseUnsuccessful(response, search);
        Document doc = BandwidthXml.parse(response.body());
        refuseErrors(doc, response.statusCode(), search);
        return doc;
    }

    /** Throws the failure an unsuccessful (not 2xx) reply means, with every error its body names. */
    private static void refuseUnsuccessful(HttpResponse<String> response, boolean search) throws CarrierException {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            // Never echo the credentials or the reply: say only what failed.
            throw new CarrierException(ErrorCode.CARRIER_UNAVAILABLE, "authentication failed",
                    "bandwidth answered HTTP " + status + "; check username, password and account_id");
        }
        if (status == 429) {
            throw new CarrierException(ErrorCode.RATE_LIMITED, "bandwidth is throttling requests",
                    "HTTP 429; orders and disconnects are not retried");
        }
        if (status >= 200 && status < 300) {
            return;
        }
        List<BandwidthError> errors = errorsIn(response.body());
        String detail = "HTTP " + status + (errors.isEmpty() ? "" : ": " + joined(errors));
        if (status >= 500) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "bandwidth server error", detail);
        }
        throw fault(search, errors, detail);
    }

    /** Throws when an accepted reply still carries an error ({@code ResponseStatus} and the like). */
    private static void refuseErrors(Document doc, int status, boolean search) throws CarrierException {
        List<BandwidthError> errors = BandwidthXml.replyErrors(doc, false);
        if (!errors.isEmpty()) {
            throw fault(search, errors, "HTTP " + status + " with error " + joined(errors));
        }
    }

    private static CarrierException fault(boolean search, List<BandwidthError> errors, String detail) {
        if (search && !errors.isEmpty() && errors.stream().allMatch(BandwidthError::isSearchParameterError)) {
            return new CarrierException(ErrorCode.INVALID, "bandwidth refused the search", detail);
        }
        return new CarrierException(ErrorCode.CARRIER_FAULT, "bandwidth refused the request", detail);
    }

    private static String joined(List<BandwidthError> errors) {
        return errors.stream().map(BandwidthError::toString).collect(Collectors.joining("; "));
    }

    /** The errors an unsuccessful reply's body names, if it is readable XML at all. */
    private static List<BandwidthError> errorsIn(String body) {
        try {
            return BandwidthXml.replyErrors(BandwidthXml.parse(body), true);
        } catch (CarrierException unreadable) {
            return List.of(); // the status alone still says what went wrong
        }
    }

    /** The last path segment of the reply's {@code Location} header: the id of what a POST created. */
    private static Optional<String> locationId(HttpResponse<String> response) {
        return response.headers().firstValue("Location").map(String::trim)
                .map(l -> l.endsWith("/") ? l.substring(0, l.length() - 1) : l)
                .map(l -> l.substring(l.lastIndexOf('/') + 1)).filter(id -> !id.isEmpty());
    }
}
