package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;

import org.carrierhost.host.events.CarrierState;

/**
 * The way a settings change reaches a carrier, for {@link CarrierLifecycle}, which holds the carrier's lock:
 * the new settings are made current, then a generation of its zip starts with them beside the one serving and
 * takes over as a reload does, so no call finds it gone. A new generation that fails leaves the old one serving
 * and the old settings current. A disabled carrier, or one with no zip, keeps the settings for when it loads.
 *
 * <p>Thread-safe: holds only thread-safe parts; every call is made under the carrier's lock.
 */
final class Reconfigurations {

    private final CarrierTable table;
    private final Deployments deployments;

    Reconfigurations(CarrierTable table, Deployments deployments) {
        this.table = table;
        this.deployments = deployments;
    }

    /** Applies {@code change} to the carrier of {@code slot}, which the caller holds locked. */
    CarrierView apply(CarrierSlot slot, SettingsChange change, Ask ask) {
        change.apply();
        Path file = slot.file();
        if (slot.state() == CarrierState.DISABLED || file == null || !Files.isRegularFile(file)) {
            return table.viewOf(slot);
        }
        try {
            return deployments.deployFile(slot, file, ask, DeployMode.ALWAYS);
        } catch (RuntimeException e) {
            change.undo();
            throw e;
        }
    }
}
