package org.carrierhost.simulator;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which {@link Failure}s are switched on, and how many more API requests are to be throttled (429).
 *
 * <p>Thread-safe: every method is synchronized on the instance.
 */
public final class Failures {

    /** Throttle every request until told otherwise. */
    public static final int ALWAYS = -1;

    private final Set<Failure> on = EnumSet.noneOf(Failure.class);
    private int throttled;

    public synchronized void switchOn(Failure failure) {
        on.add(failure);
    }

    public synchronized void switchOff(Failure failure) {
        on.remove(failure);
    }

    public synchronized boolean isOn(Failure failure) {
        return on.contains(failure);
    }

    /** Answers the next {@code requests} API requests with 429; {@link #ALWAYS} for all of them, 0 to stop. */
    public synchronized void throttle(int requests) {
        throttled = requests;
    }

    /** Whether this request is to be throttled; counts it down. */
    synchronized boolean consumeThrottle() {
        if (throttled == ALWAYS) {
            return true;
        }
        if (throttled > 0) {
            throttled--;
            return true;
        }
        return false;
    }

    /** Switches everything off. */
    public synchronized void clear() {
        on.clear();
        throttled = 0;
    }

    /** A short description, for the admin path. */
    public synchronized String describe() {
        StringBuilder text = new StringBuilder("failures:");
        on.forEach(f -> text.append(' ').append(f.wireName()));
        return text.append("\nthrottle: ").append(throttled == ALWAYS ? "always" : String.valueOf(throttled))
                .append('\n').toString();
    }
}
