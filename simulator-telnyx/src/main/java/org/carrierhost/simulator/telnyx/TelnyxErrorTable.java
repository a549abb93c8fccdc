package org.carrierhost.simulator.telnyx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Telnyx error codes the simulator can answer with, each with its HTTP status and title, in the shape of
 * the published {@code Errors} body: {@code {"errors":[{"code","title","detail","source":{"pointer"},"meta":{"url"}}]}}.
 *
 * <p>Thread-safe: an immutable table.
 */
public final class TelnyxErrorTable {

    /**
     * One error the simulator answers.
     *
     * @param status the HTTP status
     * @param title  Telnyx's title
     */
    public record Entry(int status, String title) {
    }

    private static final Map<String, Entry> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("10009", new Entry(401, "Authentication failed"));
        TABLE.put("10010", new Entry(403, "Authorization failed"));
        TABLE.put("10005", new Entry(404, "Resource not found"));
        TABLE.put("10015", new Entry(422, "Bad Request"));
        TABLE.put("10016", new Entry(422, "Phone number must be in +E.164 format"));
        TABLE.put("10031", new Entry(422, "Invalid filter"));
        TABLE.put("85000", new Entry(422, "Number is not available"));
        TABLE.put("85001", new Entry(422, "Number is already reserved"));
        TABLE.put("10011", new Entry(429, "Too many requests"));
        TABLE.put("10007", new Entry(500, "Unexpected error"));
        TABLE.put("10008", new Entry(503, "Service unavailable"));
    }

    private TelnyxErrorTable() {
    }

    /** The entry for {@code code}, if the simulator knows it. */
    public static Optional<Entry> find(String code) {
        return Optional.ofNullable(TABLE.get(code));
    }

    /** Every code the simulator knows. */
    public static java.util.Set<String> codes() {
        return TABLE.keySet();
    }

    /** The reply for {@code code}, with {@code detail} and, when not null, a JSON pointer into the request. */
    static Reply reply(String code, String detail, String pointer) {
        Entry entry = TABLE.get(code);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("title", entry.title());
        error.put("detail", detail);
        if (pointer != null) {
            error.put("source", Map.of("pointer", pointer));
        }
        error.put("meta", Map.of("url", "https://developers.telnyx.com/docs/overview/errors/" + code));
        return Reply.json(entry.status(), Map.of("errors", java.util.List.of(error)));
    }
}
