package org.carrierhost.host.plugins.lifecycle;

import java.nio.file.Path;

import org.carrierhost.host.errors.StandardException;

/**
 * Every change to a carrier, as a verb taking who asked: the only way the watcher, the API, the console
 * and the cluster sync change carriers. {@link CarrierLifecycle} is the one implementation.
 *
 * <p>Each verb runs under the carrier's lock, persists what must survive a restart before it reports
 * success, moves the carrier through its {@link org.carrierhost.host.events.CarrierState}s, and records
 * its outcome with its duration. A change asked of this host ({@link Origin#HERE}) is then told to the
 * other hosts; one another host made ({@link Origin#CLUSTER}) is only applied here.
 *
 * <p>Implementations are thread-safe.
 */
public interface LifecycleVerbs {

    /**
     * Loads {@code zip} and makes it serve, replacing the version of its id that served from it before,
     * unless its content (size and SHA-256) is what was last deployed from it: then it answers the carrier as
     * it stands (null for a zip that names no id). A changed zip of a serving carrier is a reload.
     *
     * @throws StandardException {@code invalid} with the reason when it cannot serve; what served still serves
     */
    CarrierView deploy(Path zip, String actor);

    /**
     * Installs an uploaded zip: kept in this host's install directory, deployed, and (from here) stored
     * for the other hosts. Nothing in the drop-in directory is deleted or changed.
     *
     * @throws StandardException {@code invalid} naming why the zip cannot be installed or cannot serve
     */
    default CarrierView install(byte[] zip, String actor, Origin origin) {
        return install(zip, null, actor, origin);
    }

    /**
     * Enables carrier {@code id} (persisted) and loads it from its zip if nothing serves.
     *
     * @throws StandardException {@code not_found} for an unknown id; {@code invalid} when it cannot load
     */
    CarrierView enable(String id, String actor, Origin origin);

    /**
     * Disables carrier {@code id} (persisted), then drains and unloads what serves. Its zip stays.
     *
     * @throws StandardException {@code not_found} for an unknown id; {@code invalid} for a zip that never loaded
     */
    CarrierView disable(String id, String actor, Origin origin);

    /**
     * Loads a new generation of carrier {@code id} from its zip and swaps it in; the old one serves until
     * then, and keeps serving on failure. Lifts a quarantine. For a zip that never loaded: tries it again.
     *
     * @throws StandardException {@code not_found}; {@code invalid} when it is disabled, has no zip, or fails
     */
    CarrierView reload(String id, String actor, Origin origin);

    /**
     * Changes carrier {@code id}'s settings: {@code change} is applied, then a generation of its zip starts with
     * the new settings beside the one serving and takes over with no gap; when it fails, the change is undone
     * and the old one keeps serving. A disabled carrier keeps the settings for when it is enabled. Recorded with
     * what {@link SettingsChange#describe()} says; asked here, told to the other hosts.
     *
     * @throws StandardException {@code not_found}; {@code invalid} naming why the new settings cannot serve
     */
    CarrierView reconfigure(String id, SettingsChange change, String actor, Origin origin);

    /**
     * Creates carrier {@code id} as an instance of the installed {@code plugin}: {@code settings} (its section,
     * naming the plugin) is applied, then a generation of the plugin's zip starts as {@code id} with that section
     * and serves as a carrier of its own. When it cannot start, the settings are undone and nothing is left.
     * Asked here, told to the other hosts.
     *
     * @throws StandardException {@code not_found} for an unknown plugin; {@code invalid} for a bad id, a plugin
     *                           that is itself an instance or has not loaded, or settings that cannot serve;
     *                           {@code invalid_state_transition} when carrier {@code id} exists
     */
    CarrierView createInstance(String plugin, String id, SettingsChange settings, String actor, Origin origin);

    /**
     * Unloads carrier {@code id} and lets go of its zip: a drop-in is moved into the data directory's
     * {@code removed/} folder, where the operator can get it back; an installed copy is deleted.
     *
     * An instance of a plugin is only unloaded and its definition dropped: the plugin's zip stays. A plugin that
     * has instances is not removed.
     *
     * @return the carrier as it now stands: {@code UNLOADED} if it served since startup, else its last view
     * @throws StandardException {@code not_found} for an unknown id; {@code invalid_state_transition} naming the
     *                           instances of a plugin that has some
     */
    CarrierView remove(String id, String actor, Origin origin);

    /** The operator took {@code zip} away from the drop-in directory. */
    void fileGone(Path zip, String actor);

    /**
     * As {@link #install(byte[], String, Origin)}, with the zip's armored detached OpenPGP {@code signature}
     * (null: unsigned), judged by this host's trust policy before the zip is opened.
     */
    CarrierView install(byte[] zip, byte[] signature, String actor, Origin origin);

    /** As {@link #install(byte[], String, Origin)}, asked here. */
    default CarrierView install(byte[] zip, String actor) {
        return install(zip, actor, Origin.HERE);
    }

    /** As {@link #enable(String, String, Origin)}, asked here. */
    default CarrierView enable(String id, String actor) {
        return enable(id, actor, Origin.HERE);
    }

    /** As {@link #disable(String, String, Origin)}, asked here. */
    default CarrierView disable(String id, String actor) {
        return disable(id, actor, Origin.HERE);
    }

    /** As {@link #reload(String, String, Origin)}, asked here. */
    default CarrierView reload(String id, String actor) {
        return reload(id, actor, Origin.HERE);
    }

    /** As {@link #remove(String, String, Origin)}, asked here. */
    default CarrierView remove(String id, String actor) {
        return remove(id, actor, Origin.HERE);
    }
}
