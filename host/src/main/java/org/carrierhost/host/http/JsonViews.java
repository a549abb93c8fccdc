package org.carrierhost.host.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.cluster.NodeStatus;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.events.Event;
import org.carrierhost.host.manager.FoundNumber;
import org.carrierhost.host.manager.ImportReport;
import org.carrierhost.host.manager.ImportResult;
import org.carrierhost.host.plugins.CarrierView;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.registry.HistoryEntry;

/**
 * The JSON shapes of the HTTP API, in one place so they stay the same on every route.
 *
 * <p>Thread-safe: stateless.
 */
public final class JsonViews {

    private JsonViews() {
    }

    /** One carrier's failure inside a search answer: {@code {carrier, code, error, message, cause}}. */
    public static Map<String, Object> errorEntry(StandardError error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("carrier", error.carrier());
        entry.put("code", error.code().status());
        entry.put("error", error.code().wireName());
        entry.put("message", error.message());
        entry.put("cause", error.cause());
        return entry;
    }

    /** A carrier object. */
    public static Map<String, Object> carrier(CarrierView view) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", view.id());
        c.put("version", view.facts() == null ? null : view.facts().version());
        c.put("state", view.state());
        c.put("enabled", view.enabled());
        c.put("local", view.facts() != null && view.facts().local());
        c.put("cnam", view.facts() != null && view.facts().cnam());
        c.put("description", view.facts() == null ? null : view.facts().description());
        c.put("provider", view.facts() == null ? null : view.facts().provider());
        c.put("file", view.file() == null ? null : view.file().getFileName().toString());
        c.put("source", view.source().wireName());
        c.put("sha256", view.sha256());
        c.put("error", failure(view.error()));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("calls", view.stats().calls());
        stats.put("errors", view.stats().errors());
        stats.put("in_flight", view.inFlight());
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("mean_ms", round(view.stats().meanMs()));
        latency.put("max_ms", round(view.stats().maxMs()));
        latency.put("last_ms", round(view.stats().lastMs()));
        stats.put("latency", latency);
        stats.put("lingering", view.breaker().lingering());
        c.put("stats", stats);
        c.put("breaker", breaker(view.breaker()));
        return c;
    }

    private static Map<String, Object> failure(PluginFailure failure) {
        if (failure == null) {
            return null;
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("message", failure.message());
        f.put("cause", failure.cause());
        f.put("time", failure.time().toString());
        return f;
    }

    /** A stored number record. */
    public static Map<String, Object> number(NumberRecord record) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("number", record.number());
        n.put("carrier", record.carrier());
        n.put("state", record.state().wireName());
        n.put("account_id", record.accountId());
        n.put("data", record.data());
        return n;
    }

    /** A stored number record with its history: {@code "history":[{time, actor, from, to, carrier}]}, oldest first. */
    public static Map<String, Object> number(NumberRecord record, List<HistoryEntry> history) {
        Map<String, Object> n = number(record);
        n.put("history", history.stream().map(entry -> {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("time", entry.time().toString());
            h.put("actor", entry.actor());
            h.put("from", entry.from() == null ? null : entry.from().wireName());
            h.put("to", entry.to().wireName());
            h.put("carrier", entry.carrier());
            return h;
        }).toList());
        return n;
    }

    /**
     * A stock import's report: {@code {carrier, added, present, invalid, results:[{input, number, result,
     * state, reason}]}}, where result is {@code added}, {@code present} or {@code invalid}.
     */
    public static Map<String, Object> importReport(ImportReport report) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("carrier", report.carrier());
        r.put("added", report.added());
        r.put("present", report.present());
        r.put("invalid", report.invalid());
        r.put("results", report.results().stream().map(JsonViews::importResult).toList());
        return r;
    }

    private static Map<String, Object> importResult(ImportResult result) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", result.input());
        if (result instanceof ImportResult.Added added) {
            r.put("number", added.number());
            r.put("result", "added");
            r.put("state", NumberState.AVAILABLE.wireName());
            r.put("reason", null);
        } else if (result instanceof ImportResult.Present present) {
            r.put("number", present.number());
            r.put("result", "present");
            r.put("state", present.state().wireName());
            r.put("reason", null);
        } else {
            r.put("number", null);
            r.put("result", "invalid");
            r.put("state", null);
            r.put("reason", ((ImportResult.Invalid) result).reason());
        }
        return r;
    }

    /** A number in a search answer. */
    public static Map<String, Object> found(FoundNumber found) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("number", found.number());
        n.put("carrier", found.carrier());
        n.put("state", found.state().wireName());
        n.put("data", found.data());
        return n;
    }

    /** An audit or lifecycle event. */
    public static Map<String, Object> event(Event event) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("time", event.time().toString());
        e.put("actor", event.actor());
        e.put("action", event.action());
        e.put("target", event.target());
        e.put("result", event.result());
        e.put("error", event.error());
        e.put("node", event.node());
        return e;
    }

    /** One node of the cluster, with its carriers. */
    public static Map<String, Object> node(NodeStatus node) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("node", node.nodeId());
        n.put("address", node.address());
        n.put("version", node.version());
        n.put("started", node.started().toString());
        n.put("heartbeat", node.heartbeat().toString());
        n.put("up", node.up());
        n.put("applied_change", node.appliedChange());
        n.put("carriers", node.carriers().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("version", c.version());
            m.put("state", c.state());
            m.put("enabled", c.enabled());
            m.put("source", c.source());
            m.put("sha256", c.sha256());
            return m;
        }).toList());
        return n;
    }

    private static Map<String, Object> breaker(org.carrierhost.host.plugins.BreakerView b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", b.state());
        m.put("failure_rate", round(b.failureRate()));
        m.put("calls", b.calls());
        m.put("failed_calls", b.failedCalls());
        m.put("rejected_calls", b.rejectedCalls());
        m.put("retry_in_s", b.retryInSeconds());
        m.put("running", b.running());
        m.put("max_concurrent", b.maxConcurrent());
        m.put("lingering", b.lingering());
        return m;
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
