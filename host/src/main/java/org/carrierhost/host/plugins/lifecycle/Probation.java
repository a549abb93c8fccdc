package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.trust.TrustVerdict;

/**
 * First installs on probation, like a startup probe: under {@code plugins.selftest.before_serving}, a version of a
 * carrier that nothing serves (a first drop-in, upload or start-up load, or one after it failed, was unloaded or
 * disabled) is self-tested before it is routed. One that passes, or has no self-test ({@code not_implemented}),
 * serves as ever. One that fails, or is inconclusive under {@code on_inconclusive=refuse}, is loaded and started but
 * not routed: the carrier is {@link CarrierState#PROBING}, its {@code error} says why, and its self-test is retried
 * after {@code plugins.selftest.retry_ms}, doubled after each retry that fails up to {@code retry_max_ms}. A retry
 * that passes routes it (PROBING to STARTED), as does an on-demand self-test that passes. A retry runs outside the carrier's lock, then asks the
 * {@link CarrierLifecycle} for the lock and the write, and does nothing when the carrier has moved on meanwhile (a new
 * version, disabled, removed). An instance of a plugin is not on probation.
 *
 * <p>Thread-safe: the retries are one scheduled task a carrier in a concurrent map, run on one timer thread; every
 * write is made by the owner under the carrier's lock.
 */
public final class Probation implements AutoCloseable {

    private final CarrierLifecycle owner;
    private final CarrierTable table;
    private final SelfTests tests;
    private final LifecycleSteps steps;
    private final ConcurrentMap<String, ScheduledFuture<?>> retries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "selftest-retry");
        thread.setDaemon(true);
        return thread;
    });

    Probation(CarrierLifecycle owner, CarrierTable table, SelfTests tests, LifecycleSteps steps) {
        this.owner = owner;
        this.table = table;
        this.tests = tests;
        this.steps = steps;
    }

    /**
     * Before {@code generation} of {@code zip} takes carrier {@code slot} (locked by the caller), where nothing serves:
     * self-tests it, and holds it unrouted when it does not pass.
     *
     * @return whether it holds it ({@link CarrierState#PROBING}, retried); if not, the caller serves it as ever
     */
    boolean holds(CarrierSlot slot, Generation generation, Path zip, TrustVerdict signature, Ask ask) {
        if (!tests.settings().beforeServing() || slot.plugin() != null
                || slot.live() != null && slot.state() == CarrierState.STARTED) {
            return false;
        }
        SelfTestRun run = tests.activation(generation, ask.actor());
        if (!tests.refuses(run)) {
            cancel(slot.id());
            return false;
        }
        owner.serve(slot, generation, zip, signature, untested(run, 0), ask);
        schedule(slot.id(), generation, 0);
        return true;
    }

    /** Stops every retry; the carriers stay as they are. */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void schedule(String id, Generation generation, int attempt) {
        Duration wait = tests.settings().retryAfter(attempt);
        ScheduledFuture<?> next = timer.schedule(() -> retry(id, generation, attempt), wait.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> before = retries.put(id, next);
        if (before != null && before != next) {
            before.cancel(false);
        }
    }

    private void cancel(String id) {
        ScheduledFuture<?> before = retries.remove(id);
        if (before != null) {
            before.cancel(false);
        }
    }

    /** Retries {@code generation}'s self-test, unlocked; routes it, or waits longer, if it still is on probation. */
    private void retry(String id, Generation generation, int attempt) {
        Ask ask = Ask.of("selftest-retry", Origin.HERE, CarrierAction.SELFTEST);
        try {
            if (!onProbation(table.existing(id).orElse(null), generation)) {
                return;
            }
            SelfTestRun run = tests.activation(generation, ask.actor());
            if (!tests.refuses(run)) {
                passed(id, generation, ask);
                return;
            }
            owner.eachLocked(slot -> slot.id().equals(id) && onProbation(slot, generation), slot -> {
                slot.failure(untested(run, attempt + 1));
                schedule(id, generation, attempt + 1);
            });
        } catch (RuntimeException e) {
            steps.failed(ask.actor(), CarrierAction.SELFTEST, id, "retrying the self-test failed: " + e);
            schedule(id, generation, attempt + 1);
        }
    }

    /** Routes {@code generation} of carrier {@code id}, whose self-test just passed, if it still is on probation. */
    void passed(String id, Generation generation, Ask ask) {
        owner.eachLocked(slot -> slot.id().equals(id) && onProbation(slot, generation), slot -> {
            cancel(id);
            owner.serve(slot, generation, slot.file(), slot.signature(), null, ask);
        });
    }

    private static boolean onProbation(CarrierSlot slot, Generation generation) {
        return slot != null && slot.state() == CarrierState.PROBING && slot.live() == generation;
    }

    /** Why {@code run}'s version is not routed, and when it is tried again. */
    private PluginFailure untested(SelfTestRun run, int attempt) {
        return PluginFailure.now("self-test " + run.outcomeName() + ": " + run.carrier() + " " + run.version()
                + " is loaded but not routed; retried in " + tests.settings().retryAfter(attempt).toMillis() + " ms", run.summary());
    }
}
