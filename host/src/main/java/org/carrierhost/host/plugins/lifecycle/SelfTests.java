package org.carrierhost.host.plugins.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.SelfTestRequest;
import org.carrierhost.api.SelfTestResult;
import org.carrierhost.api.SelfTestResult.Check;
import org.carrierhost.api.SelfTestResult.Outcome;
import org.carrierhost.host.config.SelfTestSettings;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierOperation;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.SelfTestProbe;
import org.carrierhost.host.plugins.call.BreakerSettings;
import org.carrierhost.host.plugins.call.CallOutcome;
import org.carrierhost.host.plugins.call.CallTarget;
import org.carrierhost.host.plugins.call.CarrierCalls;
import org.carrierhost.host.plugins.call.CarrierGuard;
import org.carrierhost.host.plugins.call.CarrierLease;
import org.carrierhost.host.plugins.call.CarrierStats;
import org.carrierhost.host.plugins.load.Generation;

/**
 * Self-tests of carrier versions: on demand, of the version that serves, and, when
 * {@code plugins.selftest.before_serving} is on, of a new version before it takes traffic, beside the version that
 * serves, tested at the same moment (a first install's, and its retries, are {@link Probation}'s). Each
 * runs through the host's one call path ({@link CarrierCalls}) under {@code plugins.selftest.timeout_ms}, with a
 * guard of its own (so a failing self-test never opens the serving version's circuit), and makes its number calls
 * through a {@link SelfTestProbe}, which refuses every acquire and disconnect. A self-test still running at its
 * deadline is interrupted and answered inconclusive. Each run is remembered as the carrier's last and told as a
 * {@link CarrierAction#SELFTEST} event. It writes no carrier state: a refusal before serving is the
 * {@link Deployments}' to record, through the {@link CarrierLifecycle}.
 *
 * <p>Thread-safe: the last runs are a concurrent map; each run has its own guard and probe; the serving version's
 * self-test runs on a pool of its own and is joined before the verdict; the probation is volatile.
 */
public final class SelfTests implements AutoCloseable {

    private final CarrierTable table;
    private final CarrierCalls calls;
    private final LifecycleSteps steps;
    private final SelfTestSettings settings;
    private final ConcurrentMap<String, SelfTestRun> last = new ConcurrentHashMap<>();
    private final ExecutorService servingTests = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "selftest-serving");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Probation probation;

    SelfTests(CarrierTable table, CarrierCalls calls, LifecycleSteps steps, SelfTestSettings settings) {
        this.table = table;
        this.calls = calls;
        this.steps = steps;
        this.settings = settings;
    }

    /** Carrier {@code id}'s last self-test, of whichever version. */
    public Optional<SelfTestRun> last(String id) {
        return Optional.ofNullable(last.get(id));
    }

    /**
     * Self-tests the version of carrier {@code id} that serves (or is {@link CarrierState#PROBING}: routed, if it passes), now.
     *
     * @throws StandardException {@code not_found} for an unknown carrier, {@code invalid} when no version serves
     */
    public SelfTestRun run(String id, String actor) {
        CarrierSlot slot = table.existing(id).filter(s -> CarrierState.LISTED.contains(s.state()))
                .orElseThrow(() -> Refusals.notFound(id));
        Generation live = slot.live();
        if (live == null) {
            throw Refusals.invalid(id, "carrier " + id + " has no version serving to self-test",
                    "it is " + slot.state() + "; a self-test runs on the version that serves");
        }
        SelfTestRun run = test(live, SelfTestRequest.Purpose.ON_DEMAND, actor);
        Probation first = probation;
        if (first != null && slot.state() == CarrierState.PROBING && !refuses(run)) {
            first.passed(id, live, Ask.of(actor, Origin.HERE, CarrierAction.SELFTEST));
        }
        return run;
    }

    /**
     * Before {@code generation} takes over carrier {@code slot} (locked by the caller): when
     * {@code plugins.selftest.before_serving} is on and another version serves, self-tests it and, at the same moment
     * and with the same deadline, the version that serves, through the same call path; judged as a {@link SwapVerdict}.
     *
     * @return why it must not serve: a regression, a carrier that looks down, or its own verdict when the serving
     *         version has no self-test
     */
    Optional<PluginFailure> refusal(CarrierSlot slot, Generation generation, String actor) {
        Generation serving = slot.live();
        if (!settings.beforeServing() || serving == null || slot.state() != CarrierState.STARTED) {
            return Optional.empty();
        }
        CompletableFuture<SelfTestRun> beside = besideNew(serving);
        SelfTestRun next = execute(generation, SelfTestRequest.Purpose.ACTIVATION);
        SelfTestRun old = null;
        try {
            old = beside.join();
            told(old, actor, ", serving beside " + generation.version());
        } catch (CompletionException | CancellationException e) {
            steps.failed(actor, CarrierAction.SELFTEST, slot.id() + " " + serving.version(), "the serving version's self-test "
                    + "did not run: " + e.getCause());
        }
        SelfTestRun run = remember(next.beside(old), actor);
        return SwapVerdict.judge(run, settings.onInconclusive()).refusal(slot.id(), serving.version());
    }

    /** Starts the self-test of {@code serving}, the version that serves, on a thread of its own. */
    private CompletableFuture<SelfTestRun> besideNew(Generation serving) {
        try {
            return CompletableFuture.supplyAsync(() -> execute(serving, SelfTestRequest.Purpose.ACTIVATION), servingTests);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Stops the retries of first installs on probation. */
    @Override
    public void close() {
        Probation first = probation;
        if (first != null) {
            first.close();
        }
        servingTests.shutdownNow();
    }

    /** Has {@code first}, the probation of first installs, closed with these. */
    Probation onProbation(Probation first) {
        probation = first;
        return first;
    }

    /** The self-test settings. */
    SelfTestSettings settings() {
        return settings;
    }

    /** Self-tests of the serving versions of carriers whose section (of {@code sections}) sets {@code selftest.interval_ms}. */
    public PeriodicSelfTests periodic(Function<String, CarrierConfig> sections) {
        return new PeriodicSelfTests(table, this, sections);
    }

    /** Self-tests {@code live}, the version that serves, as its periodic check: remembered and told as every run is. */
    SelfTestRun periodic(Generation live) {
        return test(live, SelfTestRequest.Purpose.PERIODIC, "selftest-periodic");
    }

    /** Self-tests {@code generation} before it takes traffic: remembered and told as every run is. */
    SelfTestRun activation(Generation generation, String actor) {
        return test(generation, SelfTestRequest.Purpose.ACTIVATION, actor);
    }

    /** Whether {@code run} keeps its version from traffic: failed, or inconclusive under {@code on_inconclusive=refuse}. */
    boolean refuses(SelfTestRun run) {
        return run.outcome() == Outcome.FAILED || run.outcome() == Outcome.INCONCLUSIVE
                && settings.onInconclusive() == SelfTestSettings.OnInconclusive.REFUSE;
    }

    /** Runs {@code generation}'s self-test, remembers it and tells it. */
    private SelfTestRun test(Generation generation, SelfTestRequest.Purpose purpose, String actor) {
        return remember(execute(generation, purpose), actor);
    }

    /** Remembers {@code run} as its carrier's last self-test, and tells it. */
    private SelfTestRun remember(SelfTestRun run, String actor) {
        last.put(run.carrier(), run);
        told(run, actor, "");
        return run;
    }

    /** Tells {@code run} as a {@link CarrierAction#SELFTEST} event, its target followed by {@code note}. */
    private void told(SelfTestRun run, String actor, String note) {
        String target = run.carrier() + " " + run.version() + " (" + run.purpose().name().toLowerCase(java.util.Locale.ROOT)
                + note + ")";
        if (run.outcome() == Outcome.FAILED || run.outcome() == Outcome.INCONCLUSIVE) {
            steps.failed(actor, CarrierAction.SELFTEST, target, run.outcomeName() + ": " + run.summary());
        } else {
            steps.ok(actor, CarrierAction.SELFTEST, target + ": " + run.outcomeName());
        }
    }

    /**
     * Runs {@code generation}'s self-test through the host's call path, under a guard of its own and a probe that
     * refuses every acquire and disconnect, whichever version it is.
     */
    private SelfTestRun execute(Generation generation, SelfTestRequest.Purpose purpose) {
        String id = generation.id();
        Duration deadline = settings.timeout();
        SelfTestProbe probe = new SelfTestProbe(id, generation.extension(), settings.budget());
        Instant start = Instant.now();
        CallOutcome<SelfTestResult> outcome = calls.callOn(id, new VersionTarget(id, generation), CarrierOperation.SELFTEST,
                deadline, carrier -> carrier.selfTest(new SelfTestRequest(purpose, deadline, settings.budget(), probe)));
        Duration took = Duration.between(start, Instant.now());
        List<Check> checks = new ArrayList<>();
        if (outcome instanceof CallOutcome.Answered<SelfTestResult> answered && answered.value() != null) {
            checks.addAll(answered.value().checks());
        } else if (outcome instanceof CallOutcome.Failed<SelfTestResult> failed) {
            checks.add(failedCall(failed.error(), deadline, took));
        } else {
            checks.add(new Check("answer", Outcome.FAILED, "the self-test answered nothing", took.toMillis()));
        }
        List<String> refused = probe.refused().stream().map(SelfTestProbe.Attempt::describe).toList();
        if (!refused.isEmpty()) {
            checks.add(new Check("no acquire or disconnect", Outcome.FAILED, "refused " + SelfTestProbe.UNDER_SELF_TEST + ": "
                    + String.join(", ", refused), 0));
        }
        Outcome verdict = outcome instanceof CallOutcome.Answered<SelfTestResult> answered && answered.value() != null
                && refused.isEmpty() ? answered.value().outcome() : SelfTestResult.of(checks).outcome();
        return new SelfTestRun(id, generation.version(), purpose, verdict, checks, Instant.now(), took, null);
    }

    /** The check of a self-test call that did not answer: inconclusive when it ran out of time or the carrier is down. */
    private static Check failedCall(StandardError error, Duration deadline, Duration took) {
        if (error.code() == ErrorCode.TIMEOUT) {
            return new Check("deadline", Outcome.INCONCLUSIVE, "the self-test did not answer within " + deadline.toMillis()
                    + " ms (plugins.selftest.timeout_ms)", took.toMillis());
        }
        Outcome outcome = error.code() == ErrorCode.CARRIER_UNAVAILABLE ? Outcome.INCONCLUSIVE : Outcome.FAILED;
        return new Check("self-test", outcome, error.message() + (error.cause() == null ? "" : ": " + error.cause()),
                took.toMillis());
    }

    /** One version, serving or not, called with a guard and figures of its own. */
    private record VersionTarget(CarrierGuard guard, CarrierStats stats, Generation generation) implements CallTarget {

        VersionTarget(String id, Generation generation) {
            this(new CarrierGuard(id, BreakerSettings.DEFAULTS, change -> { }), new CarrierStats(), generation);
        }

        @Override
        public CarrierLease lease() {
            if (!generation.enter()) {
                throw new StandardException(new StandardError(ErrorCode.CARRIER_UNAVAILABLE, "carrier " + generation.id() + " "
                        + generation.version() + " is retiring", null, generation.id()));
            }
            return new CarrierLease(generation);
        }
    }
}
