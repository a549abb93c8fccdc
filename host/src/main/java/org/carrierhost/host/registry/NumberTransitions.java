package org.carrierhost.host.registry;

import static org.carrierhost.api.NumberState.AGING;
import static org.carrierhost.api.NumberState.AVAILABLE;
import static org.carrierhost.api.NumberState.DISCOVERY;
import static org.carrierhost.api.NumberState.IN_SERVICE;
import static org.carrierhost.api.NumberState.PORT_IN;
import static org.carrierhost.api.NumberState.RELEASED;
import static org.carrierhost.api.NumberState.RESERVED;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;

/**
 * The one table of the moves a number may make between states, as in KAZOO's {@code knm_number_states}: for
 * each move, the request that makes it, the carriers it applies to, whether aging must be on or off, and the
 * carrier call it makes. Published at {@code GET /api/states}; every move of a number is checked here by
 * {@link #require}, and any other move is answered {@code 409 invalid_state_transition}.
 *
 * <p>KAZOO's {@code reserved} keeps its meaning: acquired at the carrier for an account, not yet in use, never
 * expiring. A hold that expires is not a state (see the holds).
 *
 * <p>Thread-safe: immutable.
 */
public final class NumberTransitions {

    /** The request that makes a move. */
    public enum By {
        /** {@code POST /api/numbers/{e164}/acquire}. */
        ACQUIRE,
        /** {@code POST /api/numbers/{e164}/disconnect}. */
        DISCONNECT,
        /** {@code POST /api/numbers/{e164}/activate}. */
        ACTIVATE,
        /** The reaper, when {@code numbers.aging_ms} has passed; no request makes it. */
        REAPER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which numbers a move applies to: those of a local carrier (its stock in the registry), of a remote one, or both. */
    public enum Carriers {
        ANY, LOCAL, REMOTE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean admits(boolean local) {
            return this == ANY || (this == LOCAL) == local;
        }
    }

    /**
     * Whether a move needs aging: {@code ON} when a disconnect of the number's carrier goes through aging
     * ({@code numbers.aging_ms} above 0 and, for a remote carrier, {@code carrier.<id>.disconnect_policy=after_aging}),
     * {@code OFF} when it does not, {@code ANY} either way.
     */
    public enum Aging {
        ANY, ON, OFF;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean admits(boolean aging) {
            return this == ANY || (this == ON) == aging;
        }
    }

    /** The carrier callback a move makes, if any. */
    public enum Call {
        NONE, ACQUIRE, DISCONNECT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One allowed move.
     *
     * @param note what else it needs, for people
     */
    public record Transition(NumberState from, NumberState to, By by, Carriers carriers, Aging aging, Call call, String note) {
    }

    private static final List<Transition> TABLE = List.of(
            move(DISCOVERY, IN_SERVICE, By.ACQUIRE, Carriers.REMOTE, Aging.ANY, Call.ACQUIRE, "a number a carrier offers, bought"),
            move(DISCOVERY, RESERVED, By.ACQUIRE, Carriers.REMOTE, Aging.ANY, Call.ACQUIRE, "bought for an account, not yet in use"),
            move(AVAILABLE, IN_SERVICE, By.ACQUIRE, Carriers.LOCAL, Aging.ANY, Call.ACQUIRE, "taken from the local stock"),
            move(AVAILABLE, RESERVED, By.ACQUIRE, Carriers.LOCAL, Aging.ANY, Call.ACQUIRE, "taken from the local stock, not yet in use"),
            move(RELEASED, IN_SERVICE, By.ACQUIRE, Carriers.REMOTE, Aging.ANY, Call.ACQUIRE, "bought again"),
            move(RELEASED, RESERVED, By.ACQUIRE, Carriers.REMOTE, Aging.ANY, Call.ACQUIRE, "bought again, not yet in use"),
            move(RESERVED, IN_SERVICE, By.ACQUIRE, Carriers.ANY, Aging.ANY, Call.NONE, "by the account that reserved it"),
            move(RESERVED, AVAILABLE, By.DISCONNECT, Carriers.LOCAL, Aging.OFF, Call.DISCONNECT, "back to the local stock"),
            move(RESERVED, RELEASED, By.DISCONNECT, Carriers.REMOTE, Aging.OFF, Call.DISCONNECT, "given back to its carrier"),
            move(RESERVED, AGING, By.DISCONNECT, Carriers.ANY, Aging.ON, Call.NONE, "waits numbers.aging_ms; the carrier is called when it ends"),
            move(IN_SERVICE, AVAILABLE, By.DISCONNECT, Carriers.LOCAL, Aging.OFF, Call.DISCONNECT, "back to the local stock"),
            move(IN_SERVICE, RELEASED, By.DISCONNECT, Carriers.REMOTE, Aging.OFF, Call.DISCONNECT, "given back to its carrier"),
            move(IN_SERVICE, AGING, By.DISCONNECT, Carriers.ANY, Aging.ON, Call.NONE, "waits numbers.aging_ms; the carrier is called when it ends"),
            move(AGING, IN_SERVICE, By.ACQUIRE, Carriers.ANY, Aging.ANY, Call.NONE, "bought back by the account it was aging from; still ours at the carrier"),
            move(AGING, AVAILABLE, By.REAPER, Carriers.LOCAL, Aging.ANY, Call.DISCONNECT, "numbers.aging_ms after it was disconnected"),
            move(AGING, RELEASED, By.REAPER, Carriers.REMOTE, Aging.ANY, Call.DISCONNECT, "numbers.aging_ms after it was disconnected"),
            move(PORT_IN, IN_SERVICE, By.ACTIVATE, Carriers.ANY, Aging.ANY, Call.NONE, "ported in: never ordered at a carrier"));

    /** The states a number can be held in by an account: not offered to others by a search. */
    public static final Set<NumberState> HELD = EnumSet.of(IN_SERVICE, RESERVED, AGING, PORT_IN);

    private NumberTransitions() {
    }

    private static Transition move(NumberState from, NumberState to, By by, Carriers carriers, Aging aging, Call call,
                                   String note) {
        return new Transition(from, to, by, carriers, aging, call, note);
    }

    /** Every allowed move, in the table's order. */
    public static List<Transition> all() {
        return TABLE;
    }

    /** The move from {@code from} to {@code to}, if the table has one. */
    public static Optional<Transition> find(NumberState from, NumberState to) {
        return TABLE.stream().filter(t -> t.from() == from && t.to() == to).findFirst();
    }

    /** Whether a number in {@code from} may move to {@code to} in some case. */
    public static boolean allowed(NumberState from, NumberState to) {
        return find(from, to).isPresent();
    }

    /** The states from which {@code by} moves a number to {@code to}. */
    public static Set<NumberState> sourcesOf(NumberState to, By by) {
        Set<NumberState> sources = EnumSet.noneOf(NumberState.class);
        TABLE.stream().filter(t -> t.to() == to && t.by() == by).forEach(t -> sources.add(t.from()));
        return sources;
    }

    /** Where a disconnect takes a number: to aging when aging applies, else back to the stock (local) or released. */
    public static NumberState disconnectTarget(boolean local, boolean aging) {
        return aging ? AGING : local ? AVAILABLE : RELEASED;
    }

    /**
     * The move of {@code current} to {@code to} made by {@code by}, for a number of a local carrier or not, whose
     * disconnects go through aging or not.
     *
     * @throws StandardException {@code 409 invalid_state_transition} naming the move, when the table has no such
     *                           move, or it is made by another request, or its carrier or aging does not fit
     */
    public static Transition require(NumberRecord current, NumberState to, By by, boolean local, boolean aging) {
        Optional<Transition> found = find(current.state(), to);
        String why = found.isEmpty() ? "not a move of the table at GET /api/states"
                : found.get().by() != by ? "made by " + found.get().by().wireName() + ", not by " + by.wireName()
                : !found.get().carriers().admits(local) ? "only for numbers of a " + found.get().carriers().wireName() + " carrier"
                : !found.get().aging().admits(aging) ? "only when aging is " + found.get().aging().wireName() + " for carrier "
                + current.carrier() : null;
        if (why != null) {
            throw new StandardException(new StandardError(ErrorCode.INVALID_STATE_TRANSITION,
                    "number " + current.number() + " cannot move from " + current.state().wireName() + " to " + to.wireName()
                            + ": " + why, describe(current.state(), to), current.carrier()));
        }
        return found.get();
    }

    /** How a refused move is described to the caller, for example {@code available -> released}. */
    public static String describe(NumberState from, NumberState to) {
        return from.wireName() + " -> " + to.wireName();
    }
}
