package org.carrierhost.host.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of a carrier, and the transitions between states the host makes. Like PF4J's
 * {@code PluginState}, each constant says what it means; unlike it, the allowed transitions are written
 * down here and enforced: the lifecycle refuses any other ({@link #canBecome}).
 *
 * <pre>
 *   from NEW          to STARTED, PROBING, DISABLED, FAILED, QUARANTINED, GONE
 *   from STARTED      to STARTED (a swap), DISABLED, QUARANTINED (its own process kept crashing), UNLOADED
 *   from PROBING      to any state but NEW (PROBING again: a newer version not passing either; STARTED: it passed)
 *   from DISABLED     to STARTED, PROBING, FAILED, QUARANTINED, UNLOADED, GONE
 *   from FAILED       to any state but NEW (FAILED again: a retry that failed anew)
 *   from QUARANTINED  to any state but NEW (QUARANTINED again: still quarantined)
 *   from UNLOADED     to STARTED, PROBING, DISABLED, FAILED, QUARANTINED
 *   from GONE         to none: a later zip of the id starts again at NEW
 * </pre>
 *
 * The wire (the API's {@code state}, the console, the metrics' {@code state} tag) uses {@link #wireName()},
 * today's strings: {@code STARTED}, {@code PROBING}, {@code DISABLED}, {@code FAILED}, {@code QUARANTINED},
 * {@code UNLOADED}.
 *
 * <p>Thread-safe: an enum.
 */
public enum CarrierState {
    /** Just met: its first load is under way under the carrier's lock. Never listed. */
    NEW,
    /** A generation is loaded, started and serving calls. */
    STARTED,
    /**
     * A generation is loaded and started but not routed: a first install whose self-test did not pass (under
     * {@code plugins.selftest.before_serving}); its self-test is retried with backoff, and it serves once one passes.
     */
    PROBING,
    /** An operator disabled it (persisted): nothing serves; its zip stays. */
    DISABLED,
    /** Its last load failed and nothing serves; its failure says why. */
    FAILED,
    /**
     * The host stopped while calling it, or its own process ended too often; nothing serves until an operator
     * retries it (reload).
     */
    QUARANTINED,
    /** It served since the host started, but its zip went or it was removed: listed, nothing serves. */
    UNLOADED,
    /** Forgotten: it never served since start, and its zip went. Never listed; a later zip starts again at NEW. */
    GONE;

    /** The states listed by the API and measured by the metrics, in this order. */
    public static final Set<CarrierState> LISTED = EnumSet.of(STARTED, PROBING, DISABLED, FAILED, QUARANTINED, UNLOADED);

    /** Whether the lifecycle may move a carrier from this state to {@code next}. */
    public boolean canBecome(CarrierState next) {
        return switch (this) {
            case NEW -> next == STARTED || next == PROBING || next == DISABLED || next == FAILED || next == QUARANTINED
                    || next == GONE;
            // STARTED ► STARTED is a swap to a new generation; a failed new version leaves the old one serving.
            // STARTED ► QUARANTINED: an isolated carrier whose process ended too often within its window.
            case STARTED -> next == STARTED || next == DISABLED || next == QUARANTINED || next == UNLOADED;
            case DISABLED -> next == STARTED || next == PROBING || next == FAILED || next == QUARANTINED || next == UNLOADED
                    || next == GONE;
            // FAILED ► FAILED and QUARANTINED ► QUARANTINED: a retry that failed again, with its new reason.
            case PROBING, FAILED, QUARANTINED -> next != NEW;
            case UNLOADED -> next == STARTED || next == PROBING || next == DISABLED || next == FAILED || next == QUARANTINED;
            case GONE -> false;
        };
    }

    /** Whether calls may reach it: a generation serves. */
    public boolean serving() {
        return this == STARTED;
    }

    /** The name the API, the console and the metrics use: the constant's name. */
    public String wireName() {
        return name();
    }
}
