package org.carrierhost.host.http;

/**
 * Told of every answered request, after its answer is written: what the HTTP metrics are fed from.
 *
 * <p>Implementations must be thread-safe and quick: they are called on the request threads.
 */
@FunctionalInterface
public interface HttpObserver {

    /** Observes nothing. */
    HttpObserver NONE = (method, route, status, nanos) -> { };

    /** The pattern reported for a request no route matched, so that unknown paths add no series. */
    String UNMATCHED = "unmatched";

    /**
     * One request was answered.
     *
     * @param method the HTTP method
     * @param route  the route's pattern, for example {@code /api/carriers/{id}}, or {@link #UNMATCHED}
     * @param status the status answered
     * @param nanos  how long it took to answer
     */
    void answered(String method, String route, int status, long nanos);

    /**
     * A request came with a wrong bearer token.
     *
     * @param judged whether it was answered {@code 401}; else {@code 429}, over the guessing budget
     */
    default void wrongToken(boolean judged) {
    }
}
