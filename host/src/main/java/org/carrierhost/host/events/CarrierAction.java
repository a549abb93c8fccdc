package org.carrierhost.host.events;

import java.util.Locale;

/**
 * What was done to a carrier or a plugin file: the kinds of {@link CarrierEvent}.
 *
 * <p>Thread-safe: an enum.
 */
public enum CarrierAction {
    /** A zip was loaded into a new generation, or failed to. */
    LOAD,
    /** A generation was started. */
    START,
    /** A new version replaced the one serving. */
    SWAP,
    /** A generation was stopped. */
    STOP,
    /** A generation was unloaded and its class loader closed. */
    UNLOAD,
    /** A zip of a disabled carrier was seen and left unloaded. */
    LOAD_SKIPPED_DISABLED,
    /** The operator took a zip away from the drop-in directory. */
    FILE_REMOVED,
    /** An operator enabled the carrier. */
    ENABLE,
    /** An operator disabled the carrier. */
    DISABLE,
    /** An operator reloaded the carrier. */
    RELOAD,
    /** An operator removed the carrier and its zip. */
    REMOVE,
    /** A zip was installed through the API. */
    INSTALL,
    /** Of a drop-in and an installed zip of one id, one was left not serving (shadowed) by the rule: the higher version serves, the drop-in on a tie. */
    SHADOW,
    /** The zip of a removed drop-in carrier was moved into the data directory's {@code removed/} folder, for the operator. */
    FILE_KEPT,
    /** The zip of a version replaced by an install was deleted, or could not be. */
    DELETE_REPLACED,
    /** The drop-in directory was listed, or could not be. */
    SCAN,
    /**
     * A carrier was quarantined: at start, one whose call the host died in; or one whose own process ended too often.
     * It is not started until an operator retries it.
     */
    QUARANTINE,
    /**
     * A carrier the host stopped inside a call of (at a previous run's end) was tried in a process of its own before
     * loading: the trial passed and the note was cleared (an outside kill), or its process ended the same way and the
     * carrier was quarantined (a {@link #QUARANTINE} event follows).
     */
    TRIAL,
    /** An isolated carrier's process ended without being asked to, and is started again after a backoff. */
    RESTART,
    /** An operator retried a quarantined carrier, lifting its quarantine. */
    QUARANTINE_LIFTED,
    /** A zip's OpenPGP signature was judged by the host's trust policy: trusted, unsigned, or refused and why. */
    VERIFY,
    /** A version's self-test ran: on demand, or before a new version takes traffic. */
    SELFTEST,
    /** A carrier's settings were changed, and a generation started with them took over (or failed to). */
    RECONFIGURE,
    /** A carrier was created as an instance of an installed plugin, with settings of its own. */
    CREATE_INSTANCE,
    /**
     * A canary rollout ({@code carrier.<id>.rollout=canary}) began, took a step, was paused or resumed, promoted its new
     * version or rolled it back, and why.
     */
    ROLLOUT;

    /** The name the audit log and the API use, for example {@code load-skipped-disabled}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
