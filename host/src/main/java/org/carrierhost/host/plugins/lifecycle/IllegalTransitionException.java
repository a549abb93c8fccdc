package org.carrierhost.host.plugins.lifecycle;

import org.carrierhost.host.events.CarrierState;

/**
 * The lifecycle was about to move a carrier along a transition {@link CarrierState#canBecome} refuses: a
 * bug in the host, never an operator's mistake (those are refused before anything changes, as
 * {@code invalid}).
 *
 * <p>Not shared between threads.
 */
public final class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final CarrierState from;
    private final CarrierState to;

    IllegalTransitionException(String carrier, CarrierState from, CarrierState to) {
        super("carrier " + carrier + " cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    /** The state it was in. */
    public CarrierState from() {
        return from;
    }

    /** The state it was refused. */
    public CarrierState to() {
        return to;
    }
}
