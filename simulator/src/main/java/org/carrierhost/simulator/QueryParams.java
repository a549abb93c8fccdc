package org.carrierhost.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a raw query string into decoded parameters; the first value of a repeated name wins.
 *
 * <p>Thread-safe: stateless.
 */
final class QueryParams {

    private QueryParams() {
    }

    static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = RecordedRequest.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : RecordedRequest.decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(params);
    }
}
