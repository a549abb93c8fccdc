package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierEvent;
import org.carrierhost.host.events.HostEvents;
import org.carrierhost.host.events.ThreadsLeftRunning;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.load.Retirement;

/**
 * The audit log's account of the lifecycle: each step (load, start, swap, stop, unload) and each verb's
 * outcome with its duration, as {@link CarrierEvent}s, in one place; the retirement of a generation, which
 * is such a step; and the order of a verb's end: its work, telling the other hosts, its record. It writes no
 * carrier state: {@link CarrierLifecycle} does, with what it returns.
 *
 * <p>Thread-safe: immutable; publishing is.
 */
final class LifecycleSteps {

    private final HostEvents events;
    private final Duration drain;

    /**
     * @param drain how long a generation being retired may take to finish its calls in flight
     */
    LifecycleSteps(HostEvents events, Duration drain) {
        this.events = events;
        this.drain = drain;
    }

    /**
     * {@code next} was loaded and started, and is about to replace {@code serving} (null: nothing serves);
     * the swap is recorded first, so the log never shows the new version serving before it.
     */
    void handingOver(String actor, Generation serving, Generation next) {
        String target = next.id() + " " + next.version();
        events.publish(CarrierEvent.ok(actor, CarrierAction.LOAD, target + " from " + next.archive().file().getFileName()));
        events.publish(CarrierEvent.ok(actor, CarrierAction.START, target));
        if (serving != null) {
            events.publish(CarrierEvent.ok(actor, CarrierAction.SWAP, next.id() + " " + serving.version() + " -> " + next.version()));
        }
    }

    /** A second zip {@code zip} of carrier {@code id}, served from {@code servedFrom}, was refused. */
    PluginFailure refusedDuplicate(String actor, String id, Path zip, Path servedFrom) {
        PluginFailure refusal = PluginFailure.duplicateOf(id,
                "already served from " + servedFrom.getFileName() + "; remove one of the two zips");
        loadFailed(actor, zip.getFileName().toString(), refusal);
        return refusal;
    }

    /** Loading {@code target} (a carrier and its zip, or a zip) failed for {@code failure}. */
    void loadFailed(String actor, String target, PluginFailure failure) {
        events.publish(CarrierEvent.failed(actor, CarrierAction.LOAD, target, failure.describe()));
    }

    /** The zip of carrier {@code id} was left unloaded: the carrier is disabled. */
    void skippedDisabled(String actor, String id, Path zip) {
        events.publish(CarrierEvent.ok(actor, CarrierAction.LOAD_SKIPPED_DISABLED, id + " from " + zip.getFileName()));
    }

    /** {@code action} on {@code target} succeeded. */
    void ok(String actor, CarrierAction action, String target) {
        events.publish(CarrierEvent.ok(actor, action, target));
    }

    /** {@code action} on {@code target} failed for {@code error}. */
    void failed(String actor, CarrierAction action, String target, String error) {
        events.publish(CarrierEvent.failed(actor, action, target, error));
    }

    /**
     * Runs {@code work}; when it succeeds and was asked here, tells the other hosts with {@code tellOthers}
     * (when they cannot be told, the verb fails as {@code carrier_unavailable}); and records the verb's outcome
     * on {@code target} with its duration.
     */
    CarrierView concluded(String target, Ask ask, Supplier<CarrierView> work, Runnable tellOthers) {
        try {
            CarrierView view = work.get();
            if (ask.here()) {
                try {
                    tellOthers.run();
                } catch (RuntimeException e) {
                    throw Refusals.untold(target.split(" ", 2)[0], e);
                }
            }
            done(ask, target);
            return view;
        } catch (StandardException e) {
            refused(ask, target, e.getMessage());
            throw e;
        }
    }

    /** The verb {@code ask} asked of {@code target} is done. */
    void done(Ask ask, String target) {
        events.publish(CarrierEvent.ok(ask.actor(), ask.verb(), target).lasting(ask.elapsed()));
    }

    /** The verb {@code ask} asked of {@code target} failed for {@code error}. */
    void refused(Ask ask, String target, String error) {
        events.publish(CarrierEvent.failed(ask.actor(), ask.verb(), target, error).lasting(ask.elapsed()));
    }

    /** Retires {@code loaded}, a generation that never served, if there is one. */
    void discard(Generation loaded, String actor) {
        if (loaded != null) {
            retire(loaded, actor);
        }
    }

    /**
     * Drains and unloads {@code generation}, recording its stop and unload.
     *
     * @return the failure to show on the carrier (a stop or unload that failed or overran, threads that
     *         survived), or null
     */
    PluginFailure retire(Generation generation, String actor) {
        Retirement outcome = generation.retire(drain);
        String target = generation.id() + " " + generation.version();
        record(actor, CarrierAction.STOP, target, outcome.stop());
        record(actor, CarrierAction.UNLOAD, outcome.threads() == null ? target : target + "; " + outcome.threads(), outcome.unload());
        if (outcome.leaking()) {
            events.publish(new ThreadsLeftRunning(Instant.now(), generation.id(), generation.version(), outcome.leftRunning()));
        }
        return outcome.failure(target);
    }

    private void record(String actor, CarrierAction action, String target, PluginFailure failure) {
        events.publish(failure == null ? CarrierEvent.ok(actor, action, target)
                : CarrierEvent.failed(actor, action, target, failure.describe()));
    }
}
