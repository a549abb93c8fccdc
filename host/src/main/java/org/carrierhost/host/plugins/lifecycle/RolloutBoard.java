package org.carrierhost.host.plugins.lifecycle;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.carrierhost.host.plugins.rollout.RolloutView;
import org.carrierhost.host.plugins.rollout.WindowFigures;

/**
 * Where the canary rollouts {@link Rollouts} runs are decided. A host on its own decides its own ({@link #OWN}); the
 * hosts of a cluster share each carrier's rollout in their database: one host at a time judges each window, on the
 * figures of every host, and every host applies what was stored. {@link Rollouts} keeps applying the state to this
 * host's routes and versions: the board only decides and stores it.
 *
 * <p>Implementations are thread-safe.
 */
public interface RolloutBoard {

    /** A host on its own: every rollout is decided here, on this host's own figures, and nothing is stored. */
    RolloutBoard OWN = new RolloutBoard() {
        @Override
        public boolean shared() {
            return false;
        }

        @Override
        public RolloutView began(String id, RolloutView began, boolean afresh) {
            return began;
        }

        @Override
        public Optional<RolloutView> judge(String id, RolloutView current, WindowFigures stable, WindowFigures canary,
                                           Duration interval, Decision decide) {
            return Optional.of(decide.after(current, stable, canary));
        }

        @Override
        public RolloutView change(String id, RolloutView current, UnaryOperator<RolloutView> change) {
            return change.apply(current);
        }

        @Override
        public Optional<RolloutView> stored(String id) {
            return Optional.empty();
        }

        @Override
        public void onChange(Runnable listener) {
        }
    };

    /** What a window makes of a rollout: its next state, given the two versions' figures. */
    @FunctionalInterface
    interface Decision {
        RolloutView after(RolloutView rollout, WindowFigures stable, WindowFigures canary);
    }

    /** Whether the rollouts are shared with other hosts, so that {@link Rollouts} follows the stored ones. */
    boolean shared();

    /**
     * A rollout {@code began} of carrier {@code id} begins here. Answers the rollout to follow: {@code began}, or the
     * one of the same two versions another host began first (still running, or, unless {@code afresh}, ended).
     *
     * @param afresh whether an ended rollout of the same versions is begun again (the version was uploaded here)
     * @throws RuntimeException when the database cannot be written
     */
    RolloutView began(String id, RolloutView began, boolean afresh);

    /**
     * Counts this host's figures of carrier {@code id}'s window just ended; then, when it is this host's turn (one
     * host per {@code interval}), judges the window of every host with {@code decide} and stores the result.
     *
     * @return the rollout as decided now or stored before ({@code current} is stored when the carrier has none);
     *         empty when another rollout of the carrier is stored
     * @throws RuntimeException when the database cannot be read or written
     */
    Optional<RolloutView> judge(String id, RolloutView current, WindowFigures stable, WindowFigures canary, Duration interval,
                                Decision decide);

    /**
     * Changes carrier {@code id}'s rollout as {@code change} says, applied to the stored one (or {@code current} when
     * none of its versions is stored), stores it and tells the other hosts; answers it.
     *
     * @throws RuntimeException what {@code change} throws (nothing is stored then), or when the database fails
     */
    RolloutView change(String id, RolloutView current, UnaryOperator<RolloutView> change);

    /** Carrier {@code id}'s stored rollout, running or ended; empty when none is (always, on a host on its own). */
    Optional<RolloutView> stored(String id);

    /** Runs {@code listener} (briefly, on a thread of the board's) each time another host may have changed a rollout. */
    void onChange(Runnable listener);
}
