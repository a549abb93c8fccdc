package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.carrierhost.api.CarrierConfig;
import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.PluginFailure;
import org.carrierhost.host.plugins.load.Generation;
import org.carrierhost.host.plugins.rollout.RolloutCourse;
import org.carrierhost.host.plugins.rollout.RolloutJudge;
import org.carrierhost.host.plugins.rollout.RolloutSettings;
import org.carrierhost.host.plugins.rollout.RolloutStatus;
import org.carrierhost.host.plugins.rollout.RolloutView;
import org.carrierhost.host.plugins.rollout.VersionWindow;
import org.carrierhost.host.plugins.rollout.WindowFigures;
import org.carrierhost.host.plugins.trust.TrustVerdict;

/**
 * Canary rollouts ({@code carrier.<id>.rollout=canary}): a new version of a serving carrier that passed its
 * self-test (when one is asked for) serves beside the old one and takes a growing share of the traffic, step by
 * step; at the end of each step the two versions' calls in that same window are judged ({@link RolloutJudge}). A
 * failing window rolls the canary back (unloaded, the old version serves alone), every step passed promotes it (the
 * old version is drained and unloaded), and too few calls holds the step. An operator may pause, resume, promote or
 * abort it. Like {@link Deployments}, it asks {@link CarrierLifecycle} for each lock and each slot write: the route
 * ({@link CarrierLifecycle#route}) and the promotion ({@link CarrierLifecycle#serve}), whose state change is the
 * owner's one path; each step is a {@link CarrierAction#ROLLOUT} event. A carrier's last rollout stays shown after
 * it ended. Where each rollout is decided is its {@link RolloutBoard}'s: on a host on its own, here on this host's
 * figures; in a cluster, in the database by one host at a time, while every host follows what is stored there (at
 * once when told, and every {@value #FOLLOW_MS} ms) and applies it to its own routes and versions.
 *
 * <p>Thread-safe: a rollout's run is changed only under its carrier's lock; its view is published through a
 * volatile field and the runs through a concurrent map; the windows are judged, and the board followed, on one timer
 * thread.
 */
public final class Rollouts implements AutoCloseable {

    /** The actor of what this host does following another host's decision, in the event log. */
    private static final String CLUSTER_ACTOR = "cluster";

    /** What an operator may ask of a running rollout. */
    public enum Action { PAUSE, RESUME, PROMOTE, ABORT }

    /** How often a host of a cluster reads the stored rollouts, beside the board's notifications. */
    static final int FOLLOW_MS = 500;

    private final CarrierLifecycle owner;
    private final LifecycleSteps steps;
    private final Function<String, CarrierConfig> sections;
    private final RolloutBoard board;
    private final AtomicBoolean followQueued = new AtomicBoolean();
    private volatile boolean followFailing;
    private final ConcurrentMap<String, Run> runs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "carrier-rollouts");
        thread.setDaemon(true);
        return thread;
    });

    Rollouts(CarrierLifecycle owner, LifecycleSteps steps, Function<String, CarrierConfig> sections, RolloutBoard board) {
        this.owner = owner;
        this.steps = steps;
        this.sections = sections;
        this.board = board;
        if (board.shared()) {
            board.onChange(this::requestFollow);
            timer.scheduleWithFixedDelay(this::follow, FOLLOW_MS, FOLLOW_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Carrier {@code id}'s rollout: the one running, or the last one, ended. */
    public Optional<RolloutView> view(String id) {
        return Optional.ofNullable(runs.get(id)).map(run -> run.view);
    }

    /**
     * Before {@code generation} takes over carrier {@code slot} (locked by the caller): ends a rollout running there
     * (rolled back, a newer version superseding it), then begins one when {@code carrier.<id>.rollout=canary} and
     * another version serves.
     *
     * @return whether it began one; if not, the caller swaps as ever
     */
    boolean begin(CarrierSlot slot, Generation generation, Path zip, TrustVerdict signature, Ask ask) {
        Run running = runs.get(slot.id());
        if (running != null && !running.view.status().ended()) {
            rollBack(slot, running, "superseded by " + generation.version(), ask);
        }
        Generation stable = slot.live();
        if (stable == null || slot.plugin() != null || slot.state() != CarrierState.STARTED) {
            return false;
        }
        RolloutSettings settings;
        try {
            settings = RolloutSettings.from(slot.id(), sections.apply(slot.id()));
        } catch (StandardException e) {
            // Steps that are no list of steps: refused, as a version that cannot load; what serves serves on.
            steps.discard(generation, ask.actor());
            throw owner.failed(slot, PluginFailure.now(e.error().message(), e.error().cause()), zip, ask);
        }
        if (!settings.canary()) {
            return false;
        }
        RolloutView began = new RolloutView(stable.version(), generation.version(), settings.weightAt(0), 1,
                settings.steps().size(), settings.acquiresAt(0), RolloutStatus.RUNNING, "began", Instant.now(),
                WindowFigures.NONE, WindowFigures.NONE);
        RolloutView shared = shared(slot.id(), began, ask);
        RolloutView first = shared.status().ended() ? began : shared;
        CanaryRoute route = new CanaryRoute(generation, first.weight(), first.acquires(), new VersionWindow(), new VersionWindow());
        Run run = new Run(settings, stable, generation, zip, signature, route, first);
        runs.put(slot.id(), run);
        owner.route(slot, route);
        steps.ok(ask.actor(), CarrierAction.ROLLOUT, describe(slot.id(), run.view) + ": began beside " + stable.version());
        if (shared.status().ended()) {
            apply(slot, run, shared, ask); // Another host ended it before this one began it.
            return true;
        }
        long every = settings.interval().toMillis();
        timer.scheduleWithFixedDelay(() -> judge(slot.id(), run), every, every, TimeUnit.MILLISECONDS);
        return true;
    }

    /** The rollout to follow when {@code began} begins: another host's of the same versions, or {@code began}. */
    private RolloutView shared(String id, RolloutView began, Ask ask) {
        try {
            return board.began(id, began, ask.here()).withFigures(WindowFigures.NONE, WindowFigures.NONE);
        } catch (RuntimeException e) {
            // The database failed: it runs here as begun, and is stored at its first window's judgement.
            steps.failed(ask.actor(), CarrierAction.ROLLOUT, id, "storing the rollout for the cluster failed: " + e);
            return began;
        }
    }

    /**
     * Asks {@code action} of carrier {@code id}'s running rollout, for {@code actor}.
     *
     * @throws StandardException {@code not_found} for an unknown carrier; {@code invalid_state_transition} when no
     *                           rollout runs, or it cannot do that now (resume one not paused, pause one paused)
     */
    public RolloutView act(String id, Action action, String actor) {
        Ask ask = Ask.of(actor, Origin.HERE, CarrierAction.ROLLOUT);
        Run[] acted = new Run[1];
        boolean found = !owner.eachLocked(slot -> slot.id().equals(id) && CarrierState.LISTED.contains(slot.state()), slot -> {
            Run run = runs.get(id);
            if (run == null || run.view.status().ended()) {
                throw conflict(id, "carrier " + id + " has no rollout running", run == null ? "none ran"
                        : "its last one is " + run.view.status().wireName());
            }
            apply(slot, run, board.change(id, run.view, view -> acted(view, action, id, actor)), ask);
            acted[0] = run;
        }).isEmpty();
        if (!found) {
            throw Refusals.notFound(id);
        }
        return acted[0].view;
    }

    /** Rolls back every rollout running, for the host is closing: the stable versions serve on until they unload. */
    @Override
    public void close() {
        timer.shutdownNow();
        Ask ask = Ask.of("shutdown", Origin.HERE, CarrierAction.ROLLOUT);
        owner.eachLocked(slot -> live(runs.get(slot.id())), slot -> rollBack(slot, runs.get(slot.id()), "the host closed", ask));
    }

    /** Judges the window of {@code run} just ended, on carrier {@code id} locked. */
    private void judge(String id, Run run) {
        Ask ask = Ask.of("rollout", Origin.HERE, CarrierAction.ROLLOUT);
        try {
            owner.eachLocked(slot -> slot.id().equals(id) && runs.get(id) == run && live(run), slot -> judge(slot, run, ask));
        } catch (RuntimeException e) {
            steps.failed(ask.actor(), CarrierAction.ROLLOUT, id, "judging a window failed: " + e);
        }
        if (!live(run)) {
            throw new java.util.concurrent.CancellationException("ended"); // ends the timer's repetition
        }
    }

    private void judge(CarrierSlot slot, Run run, Ask ask) {
        if (slot.state() != CarrierState.STARTED || slot.live() != run.stable) {
            rollBack(slot, run, "the carrier no longer serves " + run.stable.version(), ask);
            return;
        }
        WindowFigures stable = run.route.stableWindow().take();
        WindowFigures canary = run.route.canaryWindow().take();
        board.judge(slot.id(), run.view, stable, canary, run.settings.interval(),
                        (view, all, allCanary) -> RolloutCourse.afterWindow(view, all, allCanary, run.settings))
                .map(decided -> board.shared() ? decided.withFigures(stable, canary) : decided)
                .ifPresent(decided -> apply(slot, run, decided, ask));
    }

    /** Reads the stored rollouts soon; requests made while one read is queued are folded into it. */
    private void requestFollow() {
        if (followQueued.compareAndSet(false, true)) {
            try {
                timer.execute(() -> {
                    followQueued.set(false);
                    follow();
                });
            } catch (RejectedExecutionException e) {
                // Closing.
            }
        }
    }

    /** Applies to each rollout running here what the board stored for it, when another host changed it. */
    private void follow() {
        Ask ask = Ask.of(CLUSTER_ACTOR, Origin.CLUSTER, CarrierAction.ROLLOUT);
        runs.forEach((id, run) -> {
            if (!live(run)) {
                return;
            }
            try {
                board.stored(id).filter(stored -> stored.sameVersions(run.view) && moved(run.view, stored))
                        .ifPresent(stored -> owner.eachLocked(slot -> slot.id().equals(id) && runs.get(id) == run && live(run),
                                slot -> apply(slot, run, stored.withFigures(run.view.stableLast(), run.view.canaryLast()), ask)));
                followFailing = false;
            } catch (RuntimeException e) {
                if (!followFailing) { // Told once, not every read, while the database is unreachable.
                    followFailing = true;
                    steps.failed(ask.actor(), CarrierAction.ROLLOUT, id, "following the cluster's rollout failed: " + e);
                }
            }
        });
    }

    private static boolean moved(RolloutView here, RolloutView stored) {
        return here.status() != stored.status() || here.weight() != stored.weight() || here.step() != stored.step()
                || here.acquires() != stored.acquires() || !here.reason().equals(stored.reason());
    }

    /** Brings {@code run} (live, on {@code slot} locked) to {@code next}: its route, its status, its versions. */
    private void apply(CarrierSlot slot, Run run, RolloutView next, Ask ask) {
        RolloutView before = run.view;
        run.view = before.withFigures(next.stableLast(), next.canaryLast());
        if (next.status() == RolloutStatus.ROLLED_BACK) {
            rollBack(slot, run, next.reason(), ask);
        } else if (next.status() == RolloutStatus.PROMOTED) {
            promote(slot, run, next.reason(), ask);
        } else if (next.weight() != run.route.weight() || next.acquires() != run.route.acquires()) {
            run.route = run.route.at(next.weight(), next.acquires());
            owner.route(slot, run.route);
            run.view = next;
            steps.ok(ask.actor(), CarrierAction.ROLLOUT, describe(slot.id(), next) + ": " + next.reason());
        } else {
            run.view = next;
            if (next.status() != before.status()) {
                steps.ok(ask.actor(), CarrierAction.ROLLOUT, describe(slot.id(), next) + ": " + next.reason());
            }
        }
    }

    /** {@code view} after an operator's {@code action}, for {@code actor}. */
    private static RolloutView acted(RolloutView view, Action action, String id, String actor) {
        if (view.status().ended()) {
            throw conflict(id, "carrier " + id + " has no rollout running", "its last one is " + view.status().wireName());
        }
        return switch (action) {
            case PAUSE -> pausedOrResumed(view, RolloutStatus.RUNNING, RolloutStatus.PAUSED, id, actor);
            case RESUME -> pausedOrResumed(view, RolloutStatus.PAUSED, RolloutStatus.RUNNING, id, actor);
            case PROMOTE -> view.at(RolloutStatus.PROMOTED, "promoted by " + actor, 100);
            case ABORT -> view.at(RolloutStatus.ROLLED_BACK, "aborted by " + actor, 0);
        };
    }

    private static RolloutView pausedOrResumed(RolloutView view, RolloutStatus from, RolloutStatus to, String id, String actor) {
        if (view.status() != from) {
            throw conflict(id, "carrier " + id + "'s rollout is " + view.status().wireName(), "only a "
                    + from.wireName() + " rollout can be " + (to == RolloutStatus.PAUSED ? "paused" : "resumed"));
        }
        return view.at(to, (to == RolloutStatus.PAUSED ? "paused by " : "resumed by ") + actor, view.weight());
    }

    /** Makes the canary the one version of {@code slot}: served, and the stable version drained and unloaded. */
    private void promote(CarrierSlot slot, Run run, String why, Ask ask) {
        owner.route(slot, null);
        owner.serve(slot, run.canary, run.zip, run.signature, null, ask);
        run.view = run.view.at(RolloutStatus.PROMOTED, why, 100);
        steps.ok(ask.actor(), CarrierAction.ROLLOUT, slot.id() + " " + run.canary.version() + ": promoted, " + why);
    }

    /** Routes every call of {@code slot} to its stable version again, and stops and unloads the canary. */
    private void rollBack(CarrierSlot slot, Run run, String why, Ask ask) {
        owner.route(slot, null);
        steps.failed(ask.actor(), CarrierAction.ROLLOUT, slot.id() + " " + run.canary.version(), "rolled back, "
                + run.stable.version() + " serves on: " + why);
        steps.retire(run.canary, ask.actor());
        run.view = run.view.at(RolloutStatus.ROLLED_BACK, why, 0);
    }

    private static boolean live(Run run) {
        return run != null && !run.view.status().ended();
    }

    private static String describe(String id, RolloutView view) {
        return id + " " + view.canary() + " at " + view.weight() + "% (step " + view.step() + " of " + view.steps()
                + (view.acquires() ? ", acquires too" : ", searches only") + ")";
    }

    private static StandardException conflict(String id, String message, String cause) {
        return new StandardException(new StandardError(ErrorCode.INVALID_STATE_TRANSITION, message, cause, id));
    }

    /** Parses an operator's {@code action}, for example {@code pause}; empty when it is none of them. */
    public static Optional<Action> action(String action) {
        for (Action a : Action.values()) {
            if (a.name().toLowerCase(Locale.ROOT).equals(action)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** One rollout: written under its carrier's lock; its view read by anyone. */
    private static final class Run {
        final RolloutSettings settings;
        final Generation stable;
        final Generation canary;
        final Path zip;
        final TrustVerdict signature;
        CanaryRoute route;
        volatile RolloutView view;

        Run(RolloutSettings settings, Generation stable, Generation canary, Path zip, TrustVerdict signature,
            CanaryRoute route, RolloutView view) {
            this.settings = settings;
            this.stable = stable;
            this.canary = canary;
            this.zip = zip;
            this.signature = signature;
            this.route = route;
            this.view = view;
        }
    }
}
