package org.carrierhost.host.metrics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;

/**
 * One scrape of {@code GET /metrics}, read by a published parser of the Prometheus text format
 * (Hawkular's prometheus-scraper), as a Prometheus server would read it: metric families of a type, each
 * with its labelled metrics.
 */
final class Scrape {

    private final List<MetricFamily> families;

    private Scrape(List<MetricFamily> families) {
        this.families = families;
    }

    /** Parses {@code text}; a line the parser cannot read fails the test. */
    static Scrape parse(String text) {
        List<MetricFamily> families = new ArrayList<>();
        try {
            TextPrometheusMetricDataParser parser = new TextPrometheusMetricDataParser(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            for (MetricFamily family; (family = parser.parse()) != null; ) {
                families.add(family);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scrape(families);
    }

    /** The family {@code name}, which must be of {@code type}. */
    MetricFamily family(String name, MetricType type) {
        MetricFamily family = families.stream().filter(f -> f.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric family " + name + " in the scrape; it has "
                        + families.stream().map(MetricFamily::getName).toList()));
        if (family.getType() != type) {
            throw new AssertionError(name + " is a " + family.getType() + ", not a " + type);
        }
        return family;
    }

    /** Whether the family {@code name} is there. */
    boolean has(String name) {
        return families.stream().anyMatch(f -> f.getName().equals(name));
    }

    /** The metric of family {@code name} (of {@code type}) whose labels include {@code labels}. */
    <T extends Metric> Optional<T> metric(String name, MetricType type, Class<T> shape, Map<String, String> labels) {
        return family(name, type).getMetrics().stream()
                .filter(m -> m.getLabels().entrySet().containsAll(labels.entrySet()))
                .map(shape::cast).findFirst();
    }

    /** As {@link #metric}, failing when there is none. */
    <T extends Metric> T the(String name, MetricType type, Class<T> shape, Map<String, String> labels) {
        return metric(name, type, shape, labels).orElseThrow(() -> new AssertionError("no " + name + " with " + labels
                + "; there are " + family(name, type).getMetrics().stream().map(Metric::getLabels).toList()));
    }
}
