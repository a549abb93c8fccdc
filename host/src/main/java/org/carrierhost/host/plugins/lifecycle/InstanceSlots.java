package org.carrierhost.host.plugins.lifecycle;

import java.util.List;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardError;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.events.CarrierState;
import org.carrierhost.host.plugins.CarrierId;

/**
 * The instances of plugins as carriers of their own: one is created from a plugin that serves, starts (or swaps) each
 * time its plugin does, and is removed while its plugin's zip stays. Like {@link Deployments}, it asks
 * {@link CarrierLifecycle} for each lock and each slot write; what instances there are is the {@link InstanceBook}'s.
 *
 * <p>Thread-safe: it holds only thread-safe collaborators, and works on a slot only under the lock the owner gave it.
 */
final class InstanceSlots {

    private final CarrierLifecycle owner;
    private final InstanceBook book;
    private final CarrierTable table;
    private final CarrierStateStore states;
    private final LifecycleSteps steps;
    private final Deployments deployments;
    private final ClusterLink cluster;

    InstanceSlots(CarrierLifecycle owner, InstanceBook book, CarrierTable table, CarrierStateStore states,
                  LifecycleSteps steps, Deployments deployments, ClusterLink cluster) {
        this.owner = owner;
        this.book = book;
        this.table = table;
        this.states = states;
        this.steps = steps;
        this.deployments = deployments;
        this.cluster = cluster;
    }

    /**
     * Refuses to remove plugin {@code plugin} while it has instances.
     *
     * @throws StandardException {@code invalid_state_transition} naming them
     */
    void refuseWhileAnyOf(String plugin) {
        List<String> mine = book.instancesOf(plugin);
        if (!mine.isEmpty()) {
            throw new StandardException(new StandardError(ErrorCode.INVALID_STATE_TRANSITION, "carrier " + plugin
                    + " has instances: " + String.join(", ", mine), "remove them first, for example DELETE /api/carriers/"
                    + mine.get(0), plugin));
        }
    }

    /** Creates instance {@code id} of {@code plugin} with {@code settings}, and starts it; undone whole if it fails. */
    CarrierView create(String plugin, String id, SettingsChange settings, Ask ask) {
        if (!CarrierId.valid(id)) {
            throw Refusals.invalid(null, "invalid carrier id", CarrierId.refusal(id));
        }
        CarrierSlot source = table.existing(plugin).filter(s -> CarrierState.LISTED.contains(s.state()))
                .orElseThrow(() -> Refusals.notFound(plugin));
        if (source.plugin() != null) {
            throw Refusals.invalid(plugin, "carrier " + plugin + " is an instance of plugin " + source.plugin(),
                    "create the instance of plugin " + source.plugin());
        }
        CarrierSlot slot = owner.lockSlot(id);
        try {
            // An instance removed earlier (UNLOADED, nothing serving) may be created again, here or following another host.
            boolean reused = slot.state() == CarrierState.UNLOADED && slot.plugin() != null && slot.live() == null;
            if (slot.state() != CarrierState.NEW && !reused) {
                throw new StandardException(new StandardError(ErrorCode.INVALID_STATE_TRANSITION,
                        "carrier " + id + " exists", "choose another id, or remove it first", id));
            }
            return steps.concluded(id + " as an instance of " + plugin, ask, () -> {
                settings.apply();
                owner.belongTo(slot, plugin);
                if (ask.here()) {
                    states.setEnabled(id, true, ask.actor());
                }
                try {
                    return deployments.deployInstance(slot, ask);
                } catch (RuntimeException e) {
                    settings.undo();
                    if (!slot.everServed() && CarrierState.LISTED.contains(slot.state())) {
                        owner.become(slot, CarrierState.GONE, ask);
                    }
                    throw e;
                }
            }, () -> cluster.changed(id, CarrierAction.CREATE_INSTANCE, ask.actor()));
        } finally {
            owner.unlockSlot(slot);
        }
    }

    /** Stops instance {@code slot} serving and drops its definition; the plugin's zip stays where it is. */
    CarrierView remove(CarrierSlot slot, Ask ask) {
        owner.stopServing(slot, ask);
        book.forget(slot.id(), ask.here() ? Origin.HERE : Origin.CLUSTER);
        owner.settle(slot, slot.everServed() ? CarrierState.UNLOADED : CarrierState.GONE, ask);
        return table.viewOf(slot);
    }

    /** Starts (or swaps) the instances of plugin {@code slot} after its zip was deployed, unless only its settings changed. */
    void serveAll(CarrierSlot slot, Ask ask) {
        if (slot.plugin() == null && ask.verb() != CarrierAction.RECONFIGURE) {
            book.instancesOf(slot.id()).forEach(instance -> serve(instance, slot.id(), ask));
        }
    }

    /**
     * Starts instance {@code id} of {@code plugin}, which just started serving, from its zip: a new generation beside
     * the one serving, if any, that takes over with no gap. A failure is recorded on the instance alone.
     */
    private void serve(String id, String plugin, Ask ask) {
        if (!CarrierId.valid(id) || id.equals(plugin)) {
            return;
        }
        CarrierSlot slot = owner.lockSlot(id);
        try {
            owner.belongTo(slot, plugin);
            deployments.deployInstance(slot, ask);
        } catch (StandardException e) {
            // Recorded on the instance and in the event log; the plugin and its other instances serve on.
        } finally {
            owner.unlockSlot(slot);
        }
    }
}
