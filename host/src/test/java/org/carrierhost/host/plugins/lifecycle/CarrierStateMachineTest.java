package org.carrierhost.host.plugins.lifecycle;

import static org.carrierhost.host.events.CarrierState.DISABLED;
import static org.carrierhost.host.events.CarrierState.FAILED;
import static org.carrierhost.host.events.CarrierState.GONE;
import static org.carrierhost.host.events.CarrierState.NEW;
import static org.carrierhost.host.events.CarrierState.PROBING;
import static org.carrierhost.host.events.CarrierState.QUARANTINED;
import static org.carrierhost.host.events.CarrierState.STARTED;
import static org.carrierhost.host.events.CarrierState.UNLOADED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The carrier state machine's table, written out once more as the specification: every pair of states,
 * allowed or refused; and a refused one, asked of the lifecycle's one writer, changes nothing and says so.
 */
class CarrierStateMachineTest {

    /** The transitions the host makes, and no others. */
    private static final Map<CarrierState, Set<CarrierState>> ALLOWED = Map.of(
            NEW, EnumSet.of(STARTED, PROBING, DISABLED, FAILED, QUARANTINED, GONE),
            STARTED, EnumSet.of(STARTED, DISABLED, QUARANTINED, UNLOADED),
            PROBING, EnumSet.of(STARTED, PROBING, DISABLED, FAILED, QUARANTINED, UNLOADED, GONE),
            DISABLED, EnumSet.of(STARTED, PROBING, FAILED, QUARANTINED, UNLOADED, GONE),
            FAILED, EnumSet.of(STARTED, PROBING, DISABLED, FAILED, QUARANTINED, UNLOADED, GONE),
            QUARANTINED, EnumSet.of(STARTED, PROBING, DISABLED, FAILED, QUARANTINED, UNLOADED, GONE),
            UNLOADED, EnumSet.of(STARTED, PROBING, DISABLED, FAILED, QUARANTINED),
            GONE, EnumSet.noneOf(CarrierState.class));

    static Stream<Arguments> allowed() {
        return pairs(true);
    }

    static Stream<Arguments> refused() {
        return pairs(false);
    }

    private static Stream<Arguments> pairs(boolean allowed) {
        List<Arguments> pairs = new ArrayList<>();
        for (CarrierState from : CarrierState.values()) {
            for (CarrierState to : CarrierState.values()) {
                if (ALLOWED.get(from).contains(to) == allowed) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} may become {1}")
    @MethodSource("allowed")
    void anAllowedTransitionIsWrittenAndRaisedOnce(CarrierState from, CarrierState to) {
        assertTrue(from.canBecome(to));
        Rig rig = new Rig();
        CarrierSlot slot = rig.slotIn(from);
        rig.lifecycle.become(slot, to, Ask.of("test", Origin.HERE, CarrierAction.RELOAD));
        assertEquals(to, slot.state());
        assertEquals(List.of(from + " -> " + to), rig.changes.stream().map(c -> c.from() + " -> " + c.to()).toList());
        assertEquals(to != GONE && to != NEW, rig.table.existing("x").isPresent(), "a GONE carrier leaves the table");
    }

    @ParameterizedTest(name = "{0} may not become {1}")
    @MethodSource("refused")
    void aRefusedTransitionIsAnErrorAndChangesNothing(CarrierState from, CarrierState to) {
        assertTrue(!from.canBecome(to));
        Rig rig = new Rig();
        CarrierSlot slot = rig.slotIn(from);
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> rig.lifecycle.become(slot, to, Ask.of("test", Origin.HERE, CarrierAction.RELOAD)));
        assertEquals(from, refused.from());
        assertEquals(to, refused.to());
        assertEquals(from, slot.state());
        assertTrue(rig.changes.isEmpty(), "nothing raised: " + rig.changes);
    }

    @ParameterizedTest(name = "{0} is listed: {0}")
    @MethodSource("states")
    void onlyTheSixWireStatesAreListed(CarrierState state) {
        assertEquals(state != NEW && state != GONE, CarrierState.LISTED.contains(state));
        assertEquals(state.name(), state.wireName());
    }

    static Stream<CarrierState> states() {
        return Stream.of(CarrierState.values());
    }

    /** A lifecycle over an empty table and a fake loader, and a slot put straight into any state. */
    private static final class Rig extends LifecycleRig {

        Rig() {
            super(Path.of("target", "state-machine"));
        }

        CarrierSlot slotIn(CarrierState state) {
            CarrierSlot slot = table.slot("x");
            slot.state(state);
            return slot;
        }
    }
}
