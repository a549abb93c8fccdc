/**
 * Metrics: Micrometer meters fed by the host's typed events (carrier calls, lifecycle steps), by the HTTP
 * server and by the connection pool, plus the JVM's, in the platform's registry or the host's own
 * Prometheus one, served at {@code GET /metrics}. Internal: not part of the supported API.
 */
package org.carrierhost.host.metrics;
