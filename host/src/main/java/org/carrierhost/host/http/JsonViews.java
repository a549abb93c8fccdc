package org.carrierhost.host.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.api.NumberRecord;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.events.Event;
import org.carrierhost.host.manager.FoundNumber;
import org.carrierhost.host.plugins.CarrierView;
import org.carrierhost.host.plugins.PluginFailure;

/**
 * The JSON shapes of the HTTP API, in one place so they stay the same on every route.
 *
 * <p>Thread-safe: stateless.
 */
public final class JsonViews {

    private JsonViews() {
    }

    /** The standard error body: {@code {"error": {code, error, message, cause, carrier}}}. */
    public static Map<String, Object> error(StandardError error) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", error.code().status());
        inner.put("error", error.code().wireName());
        inner.put("message", error.message());
        inner.put("cause", error.cause());
        inner.put("carrier", error.carrier());
        return Map.of("error", inner);
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
        c.put("stats", stats);
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
        return e;
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
