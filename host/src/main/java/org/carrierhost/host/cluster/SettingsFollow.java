package org.carrierhost.host.cluster;

import java.util.Map;

import org.carrierhost.api.ErrorCode;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.plugins.lifecycle.SettingsChange;
import org.carrierhost.host.store.CarrierSettingsStore;
import org.carrierhost.host.store.SecretBox;

/**
 * A carrier's settings as another host of the database changed them: {@link #apply} reads them from the
 * database into this host's {@link CarrierSettingsStore}; {@link #undo} puts back what was held here.
 *
 * <p>Not thread-safe: used by the one thread holding the carrier's lock.
 */
final class SettingsFollow implements SettingsChange {

    private final CarrierSettingsStore store;
    private final String carrier;
    private Map<String, String> before;

    SettingsFollow(CarrierSettingsStore store, String carrier) {
        this.store = store;
        this.carrier = carrier;
    }

    @Override
    public void apply() {
        try {
            before = store.refresh(carrier);
        } catch (SecretBox.SecretKeyException e) {
            throw StandardException.of(ErrorCode.INVALID, "cannot read the settings another host stored for " + carrier,
                    e.getMessage());
        }
    }

    @Override
    public void undo() {
        if (before != null) {
            store.remember(carrier, before);
        }
    }

    @Override
    public String describe() {
        return "settings as another host stored them";
    }
}
