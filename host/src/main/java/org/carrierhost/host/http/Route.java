package org.carrierhost.host.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One method and path pattern (segments in braces are parameters: {@code /api/carriers/{id}}), the role
 * it needs (null for a public route), and its handler.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param method   the HTTP method
 * @param segments the pattern's path segments
 * @param role     the least role allowed, or null for no authentication
 * @param handler  what answers it
 */
public record Route(String method, List<String> segments, Role role, RouteHandler handler) {

    public Route {
        segments = List.copyOf(segments);
    }

    /** A route for {@code pattern}. */
    public static Route of(String method, String pattern, Role role, RouteHandler handler) {
        return new Route(method, split(pattern), role, handler);
    }

    /** The parameters when {@code path}'s segments fit the pattern. */
    Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String pattern = segments.get(i);
            if (pattern.startsWith("{") && pattern.endsWith("}")) {
                parameters.put(pattern.substring(1, pattern.length() - 1), path.get(i));
            } else if (!pattern.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    static List<String> split(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
