package org.carrierhost.host.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.ApiClient.Reply;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.testkit.CarrierHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} keeps the naming rules {@code promtool check metrics} enforces (Prometheus' promlint), so
 * that check exits 0: every family has help text; a counter's name ends in {@code _total} and only a counter's does;
 * only histograms and summaries end in {@code _count}, {@code _sum} or {@code _bucket}; no unit abbreviation
 * ({@code _ns}, {@code _ms}, ...), no unit other than a base one (seconds, not milliseconds), no type in the name, no
 * {@code :} and no camelCase.
 */
class PromLintTest {

    private static final Pattern FAMILY = Pattern.compile("^# (HELP|TYPE) (\\S+) ?(.*)$", Pattern.MULTILINE);
    private static final Pattern LABELS = Pattern.compile("[{,]([A-Za-z_][A-Za-z0-9_]*)=\"");
    private static final Set<String> ABBREVIATIONS = Set.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb", "pb",
            "m", "h", "d");
    private static final Set<String> NON_BASE_TIME = Set.of("minutes", "hours", "days", "weeks");
    private static final List<String> PREFIXES = List.of("kilo", "mega", "giga", "tera", "peta", "milli", "micro", "nano",
            "pico", "femto", "centi", "deci");
    private static final List<String> BASE_UNITS = List.of("amperes", "bytes", "celsius", "grams", "joules", "kelvin",
            "meters", "metres", "seconds", "volts");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private static final Pattern CAMEL = Pattern.compile("[a-z][A-Z]");

    @RegisterExtension
    final CarrierHostExtension carriers = TestHosts.mockOverHttp();

    @Test
    void everyFamilyKeepsPromtoolsNamingRules() {
        ApiClient api = ApiClient.of(carriers.host());
        api.get("/api/numbers?prefix=415&quantity=1"); // so the call meters have series
        Reply reply = api.get("/metrics");
        assertEquals(200, reply.status(), reply.text());

        List<String> problems = problems(reply.text());

        assertEquals(List.of(), problems, "what promtool check metrics would report");
    }

    @Test
    void theRulesCatchWhatPromtoolCaught() {
        String text = """
                # HELP process_cpu_time_ns_total The CPU time
                # TYPE process_cpu_time_ns_total counter
                process_cpu_time_ns_total 1.0
                # HELP system_cpu_count The number of processors
                # TYPE system_cpu_count gauge
                system_cpu_count 2.0
                """;

        List<String> problems = problems(text);

        assertTrue(problems.contains("process_cpu_time_ns_total: an abbreviated unit, ns"), problems.toString());
        assertTrue(problems.contains("system_cpu_count: a _count suffix on a gauge"), problems.toString());
    }

    private static List<String> problems(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> helped = new java.util.HashSet<>();
        Matcher m = FAMILY.matcher(text);
        while (m.find()) {
            if (m.group(1).equals("TYPE")) {
                types.put(m.group(2), m.group(3).strip());
            } else if (!m.group(3).isBlank()) {
                helped.add(m.group(2));
            }
        }
        List<String> problems = new ArrayList<>();
        types.forEach((name, type) -> problems.addAll(problems(name, type, helped.contains(name))));
        Matcher labels = LABELS.matcher(text);
        while (labels.find()) {
            if (CAMEL.matcher(labels.group(1)).find() && !problems.contains("label " + labels.group(1) + ": camelCase")) {
                problems.add("label " + labels.group(1) + ": camelCase");
            }
        }
        return problems;
    }

    private static List<String> problems(String name, String type, boolean helped) {
        List<String> problems = new ArrayList<>();
        if (!helped) {
            problems.add(name + ": no help text");
        }
        boolean counter = type.equals("counter");
        if (counter != name.endsWith("_total")) {
            problems.add(name + (counter ? ": a counter without the _total suffix" : ": a _total suffix on a " + type));
        }
        if (!type.equals("histogram") && !type.equals("summary")) {
            for (String reserved : List.of("_count", "_sum", "_bucket")) {
                if (name.endsWith(reserved)) {
                    problems.add(name + ": a " + reserved + " suffix on a " + type);
                }
            }
        }
        if (name.contains(":")) {
            problems.add(name + ": a ':', reserved for recording rules");
        }
        if (CAMEL.matcher(name).find()) {
            problems.add(name + ": camelCase");
        }
        for (String part : name.split("_")) {
            if (ABBREVIATIONS.contains(part)) {
                problems.add(name + ": an abbreviated unit, " + part);
            }
            if (NON_BASE_TIME.contains(part)) {
                problems.add(name + ": " + part + ", not the base unit seconds");
            }
            for (String prefix : PREFIXES) {
                for (String unit : BASE_UNITS) {
                    if (part.equals(prefix + unit)) {
                        problems.add(name + ": " + part + ", not the base unit " + unit);
                    }
                }
            }
            if (TYPES.contains(part)) {
                problems.add(name + ": the metric type " + part + " in its name");
            }
        }
        return problems;
    }
}
