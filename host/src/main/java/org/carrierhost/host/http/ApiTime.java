package org.carrierhost.host.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one way the API writes a time: ISO-8601 in UTC with exactly three fraction digits,
 * {@code 2026-01-31T12:00:00.120Z}, in every answer, the event stream and its replay alike (a time kept in nanoseconds
 * and one read back from the database in milliseconds read the same).
 *
 * <p>Thread-safe: stateless; the formatter is immutable.
 */
final class ApiTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ApiTime() {
    }

    /** {@code time} as the API writes it; null stays null. */
    static String of(Instant time) {
        return time == null ? null : FORMAT.format(time.truncatedTo(ChronoUnit.MILLIS));
    }
}
