package org.carrierhost.host.http;

/**
 * Answers one route.
 */
@FunctionalInterface
public interface RouteHandler {

    /**
     * Answers {@code request}; failures are thrown as
     * {@link org.carrierhost.host.errors.StandardException} and answered in the standard shape.
     */
    ApiResponse handle(ApiRequest request) throws Exception;
}
