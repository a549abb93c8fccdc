package org.carrierhost.host.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.config.DeclaredSettings;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.events.RecentCalls;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.call.BreakerView;
import org.carrierhost.host.plugins.lifecycle.CarrierView;
import org.carrierhost.host.plugins.lifecycle.SelfTestRun;
import org.carrierhost.host.plugins.rollout.RolloutView;
import org.carrierhost.host.plugins.trust.TrustVerdict;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A carrier as the API answers it ({@code components/schemas/Carrier} of the OpenAPI document); with its
 * settings, secrets masked, in {@code config} when one carrier is asked for ({@code CarrierDetail}).
 *
 * <p>Thread-safe: an immutable value (the config map is copied, in its order).
 *
 * @param id          the carrier id
 * @param plugin      the plugin it was loaded from: its own id, or for an instance of a plugin that plugin's id;
 *                    null when it never loaded
 * @param version     its version, or null when it never loaded
 * @param state       its state's wire name ({@link CarrierState#wireName()})
 * @param enabled     whether it is enabled
 * @param local       whether it keeps its stock in the host's registry
 * @param cnam        whether it offers caller-name lookups
 * @param description its description, or null
 * @param provider    its provider, or null
 * @param file        its zip's file name, or null
 * @param source      where its zip came from: {@code directory} (this host's own) or {@code cluster} (installed through the API)
 * @param sha256      the SHA-256 of the zip its serving version came from, or null
 * @param error       its latest failure, or null
 * @param stats       its call figures
 * @param breaker     its circuit breaker and bulkhead
 * @param failedZip   whether it is a zip that never loaded, listed under its file name: it can be retried
 *                    (reloaded) or removed, nothing else
 * @param configured  false while a required setting it declares is missing, or once a call failed because the
 *                    carrier is not configured
 * @param health      {@code ok}, {@code idle}, {@code failing}, {@code not_configured} or {@code down}
 * @param missing     the required settings it declares that its section lacked when it loaded, by key within the section
 * @param recent      its calls over the last 15 minutes, and its latest failed call
 * @param shadowed    the other zips of its id that do not serve because this one won (a drop-in against an
 *                    installed zip: the higher version serves, the drop-in on a tie)
 * @param signature   the trust policy's verdict on its zip last judged: {@code trusted}, {@code unsigned} or
 *                    {@code refused} with the reason; null when none was judged
 * @param isolation   {@code process} when it runs in a process of its own, else {@code in_process}
 * @param process     that process: its pid, restarts, resident memory and last unasked end; left out otherwise
 * @param keptAt      in the answer to a removal of a drop-in: where its zip was moved, under the data
 *                    directory; left out of the answer otherwise
 * @param config      its masked settings; left out of the answer when null
 * @param settings    the settings it declares, each with its value (secrets masked), source and validity; in the
 *                    answer for one carrier only
 * @param capabilities what its search can answer, as its serving version said at load; in the answer for one carrier
 *                     only, and left out when it never loaded
 * @param selftest    its last self-test, of whichever version; in the answer for one carrier only, and left out when
 *                    none ran
 * @param rollout     its canary rollout, running or the last one; left out when none ran
 */
record CarrierAnswer(String id, String plugin, String version, String state, boolean enabled, boolean local, boolean cnam,
                     String description, String provider, String file, String source, String sha256, Failure error,
                     Stats stats, Breaker breaker, boolean failedZip, boolean configured, String health, List<String> missing,
                     Recent recent, List<Shadowed> shadowed, Signature signature, String isolation,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Process process,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String keptAt,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> config,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<DeclaredSettings.Shown> settings,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Capabilities capabilities,
                     @JsonInclude(JsonInclude.Include.NON_NULL) SelfTestAnswer selftest,
                     @JsonInclude(JsonInclude.Include.NON_NULL) RolloutAnswer rollout) {

    CarrierAnswer {
        shadowed = List.copyOf(shadowed);
        missing = List.copyOf(missing);
        settings = settings == null ? null : List.copyOf(settings);
        config = config == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** {@code view} with its recent {@code figures} as answered, without its settings. */
    static CarrierAnswer of(CarrierView view, RecentCalls.Figures figures) {
        var facts = view.facts();
        BreakerView b = view.breaker();
        return new CarrierAnswer(view.id(), facts == null ? null : facts.plugin(), facts == null ? null : facts.version(), view.state().wireName(), view.enabled(),
                facts != null && facts.local(), facts != null && facts.cnam(),
                facts == null ? null : facts.description(), facts == null ? null : facts.provider(),
                view.file() == null ? null : view.file().getFileName().toString(), view.source().wireName(), view.sha256(),
                Failure.of(view.error()),
                new Stats(view.stats().calls(), view.stats().errors(), view.inFlight(),
                        new Latency(round(view.stats().meanMs()), round(view.stats().maxMs()), round(view.stats().lastMs())),
                        b.lingering()),
                new Breaker(b.state(), round(b.failureRate()), b.calls(), b.failedCalls(), b.rejectedCalls(),
                        b.retryInSeconds(), b.running(), b.maxConcurrent(), b.lingering()),
                view.neverLoaded(), !figures.notConfigured() && !notConfigured(view), health(view, figures),
                facts == null ? List.of() : facts.missing(), Recent.of(figures),
                view.shadowed().stream().map(z -> new Shadowed(z.file().getFileName().toString(), z.version())).toList(),
                Signature.of(view.signature()), view.process() == null ? "in_process" : "process", Process.of(view.process()),
                view.keptAt() == null ? null : view.keptAt().toString(), null, null, null, null, null);
    }

    private static boolean notConfigured(CarrierView view) {
        return view.facts() != null && view.facts().notConfigured();
    }

    private static String health(CarrierView view, RecentCalls.Figures figures) {
        if (view.state() != CarrierState.STARTED) {
            return "down";
        }
        if (figures.notConfigured() || notConfigured(view)) {
            return "not_configured";
        }
        if (figures.lastFailed() || "open".equalsIgnoreCase(view.breaker().state())) {
            return "failing";
        }
        return figures.minutes().stream().anyMatch(m -> m.calls() > 0) ? "ok" : "idle";
    }

    /** This answer with the carrier's masked section and its declared settings. */
    CarrierAnswer withConfig(Map<String, String> masked, List<DeclaredSettings.Shown> declared,
                             org.carrierhost.api.CarrierCapabilities declaredCapabilities) {
        return new CarrierAnswer(id, plugin, version, state, enabled, local, cnam, description, provider, file, source, sha256,
                error, stats, breaker, failedZip, configured, health, missing, recent, shadowed, signature, isolation, process, keptAt, masked,
                declared,
                declaredCapabilities == null ? null : Capabilities.of(declaredCapabilities), selftest, rollout);
    }

    /** This answer with the carrier's last self-test, if any ran. */
    CarrierAnswer withSelfTest(java.util.Optional<SelfTestRun> last) {
        return new CarrierAnswer(id, plugin, version, state, enabled, local, cnam, description, provider, file, source, sha256,
                error, stats, breaker, failedZip, configured, health, missing, recent, shadowed, signature, isolation, process, keptAt,
                config, settings, capabilities, last.map(SelfTestAnswer::of).orElse(null), rollout);
    }

    /** This answer with the carrier's canary rollout, running or the last, if any ran. */
    CarrierAnswer withRollout(java.util.Optional<RolloutView> shown) {
        return new CarrierAnswer(id, plugin, version, state, enabled, local, cnam, description, provider, file, source, sha256,
                error, stats, breaker, failedZip, configured, health, missing, recent, shadowed, signature, isolation, process, keptAt,
                config, settings, capabilities, selftest, shown.map(RolloutAnswer::of).orElse(null));
    }

    /**
     * What a carrier's search can answer ({@code components/schemas/Capabilities}).
     *
     * @param countries   the ISO countries it serves; empty for any
     * @param types       the number types it serves; empty for any
     * @param filters     every filter of the vocabulary, with {@code native}, {@code approximate} or {@code none}
     * @param attributes  the attributes its offers carry
     * @param maxQuantity the most numbers one search of it returns
     */
    record Capabilities(List<String> countries, List<String> types, Map<String, String> filters, List<String> attributes,
                        int maxQuantity) {

        static Capabilities of(org.carrierhost.api.CarrierCapabilities declared) {
            Map<String, String> filters = new LinkedHashMap<>();
            for (org.carrierhost.api.SearchFilter filter : org.carrierhost.api.SearchFilter.values()) {
                filters.put(filter.wireName(), declared.support(filter).wireName());
            }
            return new Capabilities(declared.countries().stream().sorted().toList(),
                    declared.types().stream().sorted().map(org.carrierhost.api.NumberType::wireName).toList(), filters,
                    declared.attributes().stream().sorted().map(org.carrierhost.api.OfferAttribute::wireName).toList(),
                    declared.maxQuantity());
        }
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }

    /**
     * What the trust policy said of the carrier's zip.
     *
     * @param status      {@code trusted}, {@code unsigned} or {@code refused}
     * @param signer      the signer's name in this host's policy, or null
     * @param fingerprint the signing key's full fingerprint, or null
     * @param created     when the signature says it was made, or null
     * @param reason      for {@code refused}: {@code not trusted}, {@code outside its carriers}, {@code expired},
     *                    {@code revoked}, {@code bad signature} or {@code below its minimum version}; else null
     * @param detail      for {@code refused}: the particulars; else null
     */
    record Signature(String status, String signer, String fingerprint, String created, String reason, String detail) {

        static Signature of(TrustVerdict verdict) {
            if (verdict instanceof TrustVerdict.Trusted t) {
                return new Signature(t.status(), t.signer(), t.fingerprint(), ApiTime.of(t.created()), null, null);
            }
            if (verdict instanceof TrustVerdict.Refused r) {
                return new Signature(r.status(), r.signer(), r.fingerprint(), r.created() == null ? null : ApiTime.of(r.created()),
                        r.reason().words(), r.detail());
            }
            return new Signature("unsigned", null, null, null, null, null);
        }
    }

    /**
     * A zip of the carrier's id that does not serve: another zip of the id won.
     *
     * @param file    its file name
     * @param version the version it declares
     */
    record Shadowed(String file, String version) {
    }

    /**
     * A carrier's calls over the last 15 minutes.
     *
     * @param minutes    one entry a minute, oldest first, the current minute last
     * @param lastError  the latest failed call, or null
     * @param lastFailed whether the latest call failed
     */
    record Recent(List<Minute> minutes, LastError lastError, boolean lastFailed) {

        Recent {
            minutes = List.copyOf(minutes);
        }

        static Recent of(RecentCalls.Figures figures) {
            RecentCalls.Failure last = figures.lastError();
            return new Recent(figures.minutes().stream()
                    .map(m -> new Minute(m.start().toString(), m.calls(), m.errors(), m.p50Ms(), m.p99Ms())).toList(),
                    last == null ? null : new LastError(ApiTime.of(last.time()),
                            last.error() == null ? null : last.error().wireName(), last.detail()),
                    figures.lastFailed());
        }
    }

    /**
     * One minute's calls.
     *
     * @param start  when the minute began, ISO-8601
     * @param calls  calls that finished in it
     * @param errors of those, failed
     * @param p50Ms  median latency in milliseconds
     * @param p99Ms  99th-percentile latency in milliseconds
     */
    record Minute(String start, long calls, long errors, double p50Ms, double p99Ms) {
    }

    /**
     * The latest failed call.
     *
     * @param time    when, ISO-8601
     * @param error   its standard error's name
     * @param message its message and cause
     */
    record LastError(String time, String error, String message) {
    }

    /**
     * A carrier's latest failure.
     *
     * @param message what failed
     * @param cause   why, or null
     * @param time    when, ISO-8601
     */
    record Failure(String message, String cause, String time) {

        static Failure of(PluginFailure failure) {
            return failure == null ? null : new Failure(failure.message(), failure.cause(), ApiTime.of(failure.time()));
        }
    }

    /**
     * A carrier's call figures.
     *
     * @param calls     calls made
     * @param errors    of those, failed
     * @param inFlight  running now on its serving version
     * @param latency   latency figures
     * @param lingering calls that outlived their deadline and still run
     */
    record Stats(long calls, long errors, int inFlight, Latency latency, int lingering) {
    }

    /**
     * Latency in milliseconds, to two decimals.
     *
     * @param meanMs mean
     * @param maxMs  largest
     * @param lastMs latest
     */
    record Latency(double meanMs, double maxMs, double lastMs) {
    }

    /**
     * The circuit breaker and bulkhead.
     *
     * @param state         {@code closed}, {@code open} or {@code half_open}
     * @param failureRate   percent of judged calls that failed, to two decimals
     * @param calls         calls judged
     * @param failedCalls   of those, failed
     * @param rejectedCalls answered at once while open
     * @param retryInS      while open, seconds until a probe
     * @param running       calls running now
     * @param maxConcurrent the bulkhead's bound
     * @param lingering     calls past their deadline still running
     */
    /**
     * The process an isolated carrier runs in.
     *
     * @param pid      the process serving now; -1 while it is started again
     * @param restarts how often it was started again since this version loaded
     * @param rssKib   its resident memory in KiB; -1 when unknown
     * @param lastEnd  how the last process that ended unasked ended, or null
     */
    record Process(long pid, int restarts, long rssKib, String lastEnd) {
        static Process of(org.carrierhost.host.plugins.ProcessFacts facts) {
            return facts == null ? null : new Process(facts.pid(), facts.restarts(), facts.rssKib(), facts.lastEnd());
        }
    }

    record Breaker(String state, double failureRate, int calls, int failedCalls, long rejectedCalls, long retryInS,
                   int running, int maxConcurrent, int lingering) {
    }
}
