package org.carrierhost.host.registry;

import static org.carrierhost.api.NumberState.AVAILABLE;
import static org.carrierhost.api.NumberState.DISCOVERY;
import static org.carrierhost.api.NumberState.IN_SERVICE;
import static org.carrierhost.api.NumberState.RELEASED;
import static org.carrierhost.api.NumberState.RESERVED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.carrierhost.api.NumberState;

/**
 * The moves a number may make between states, as in KAZOO's {@code knm_number_states}.
 *
 * <p>Thread-safe: immutable.
 */
public final class NumberTransitions {

    private static final Map<NumberState, Set<NumberState>> ALLOWED = Map.of(
            DISCOVERY, EnumSet.of(RESERVED, IN_SERVICE),
            AVAILABLE, EnumSet.of(RESERVED, IN_SERVICE),
            RESERVED, EnumSet.of(IN_SERVICE, AVAILABLE, RELEASED),
            IN_SERVICE, EnumSet.of(AVAILABLE, RELEASED),
            RELEASED, EnumSet.of(AVAILABLE, RESERVED, IN_SERVICE));

    private NumberTransitions() {
    }

    /** Whether a number in {@code from} may move to {@code to}. */
    public static boolean allowed(NumberState from, NumberState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The states from which a number may move to {@code to}. */
    public static Set<NumberState> sourcesOf(NumberState to) {
        Set<NumberState> sources = EnumSet.noneOf(NumberState.class);
        ALLOWED.forEach((from, targets) -> {
            if (targets.contains(to)) {
                sources.add(from);
            }
        });
        return sources;
    }

    /** How a refused move is described to the caller, for example {@code available -> released}. */
    public static String describe(NumberState from, NumberState to) {
        return from.wireName() + " -> " + to.wireName();
    }
}
