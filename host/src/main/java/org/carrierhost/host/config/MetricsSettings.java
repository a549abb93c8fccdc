package org.carrierhost.host.config;

/**
 * The metrics' settings ({@code metrics.*}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param open {@code metrics.public}: {@code GET /metrics} answers without a token (for a scraper on a
 *             trusted network); otherwise it needs a viewer's token
 */
public record MetricsSettings(boolean open) {

    static MetricsSettings from(HostConfiguration values) {
        return new MetricsSettings(values.get(Settings.METRICS_PUBLIC));
    }
}
