package org.carrierhost.host.http;

import java.util.Map;
import java.util.Set;

import org.carrierhost.host.plugins.lifecycle.SettingsChange;
import org.carrierhost.host.store.CarrierSettingsStore;

/**
 * A change asked with {@code PUT /api/carriers/{id}/settings}: {@link #apply} stores the carrier's new API
 * settings durably (secrets sealed) before the new generation starts; {@link #undo} stores the old ones again.
 *
 * <p>Not thread-safe: used by the one thread holding the carrier's lock.
 *
 * @param next     every setting stored for the carrier after the change
 * @param before   every setting stored for it before
 * @param secrets  the keys it declares secret
 * @param describe what changes, secrets masked, for the audit
 */
record SettingsUpdate(CarrierSettingsStore store, String carrier, Map<String, String> next, Map<String, String> before,
                      Set<String> secrets, String actor, String describe) implements SettingsChange {

    @Override
    public void apply() {
        store.replace(carrier, next, secrets, actor);
    }

    @Override
    public void undo() {
        store.replace(carrier, before, secrets, actor);
    }
}
