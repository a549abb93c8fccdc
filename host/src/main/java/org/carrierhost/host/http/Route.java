package org.carrierhost.host.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One method and path pattern (segments in braces are parameters: {@code /api/carriers/{id}}), the role
 * it needs (null for a public route), the largest body it reads, and its handler.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param method       the HTTP method
 * @param pattern      the path pattern, for example {@code /api/carriers/{id}}
 * @param segments     the pattern's path segments
 * @param role         the least role allowed, or null for no authentication
 * @param maxBodyBytes the largest request body this route accepts; larger is answered 413
 * @param handler      what answers it
 */
public record Route(String method, String pattern, List<String> segments, Role role, long maxBodyBytes,
                    RouteHandler handler) {

    /** The body limit of routes that take a small JSON object (an acquire, say). */
    public static final long SMALL_BODY = 64 * 1024;

    /** A route for {@code pattern} whose body, if any, is small. */
    public static Route of(String method, String pattern, Role role, RouteHandler handler) {
        return new Route(method, pattern, split(pattern), role, SMALL_BODY, handler);
    }

    public Route {
        segments = List.copyOf(segments);
    }

    /** This route with another body limit. */
    public Route withMaxBody(long bytes) {
        return new Route(method, pattern, segments, role, bytes, handler);
    }

    /** The parameters when {@code path}'s segments fit the pattern. */
    Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), path.get(i));
            } else if (!segment.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    static List<String> split(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
