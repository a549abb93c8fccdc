package org.carrierhost.host.cluster;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.carrierhost.host.events.CarrierAction;
import org.carrierhost.host.plugins.lifecycle.ClusterLink;
import org.carrierhost.host.store.Transactions;

/**
 * Tells the other hosts sharing the database about a change made here: appends it to the change log
 * (which notifies them on PostgreSQL), and for an install stores the zip, in the same transaction. A
 * removal also stops the carrier being deployed from the database.
 *
 * <p>Thread-safe: each call runs its own transaction; the record of installs made here is a concurrent map.
 */
final class DatabaseClusterLink implements ClusterLink {

    private final DataSource dataSource;
    private final String node;
    private final ChangeLog changes;
    private final PluginStore plugins;
    /** The install change id of each carrier this host installed or deployed from the database. */
    private final Map<String, Long> deployed = new ConcurrentHashMap<>();

    DatabaseClusterLink(DataSource dataSource, String node, ChangeLog changes, PluginStore plugins) {
        this.dataSource = dataSource;
        this.node = node;
        this.changes = changes;
        this.plugins = plugins;
    }

    @Override
    public void changed(String id, CarrierAction action, String actor) {
        try {
            Transactions.inOne(dataSource, c -> {
                if (action == CarrierAction.REMOVE) {
                    plugins.remove(c, id);
                    deployed.remove(id);
                }
                return changes.append(c, id, action, node, actor);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + action.wireName() + " of " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void installed(String id, String version, String sha256, byte[] zip, byte[] signature, String actor) {
        try {
            long change = Transactions.inOne(dataSource, c -> {
                long changeId = changes.append(c, id, CarrierAction.INSTALL, node, actor);
                plugins.put(c, new StoredPlugin(id, version, sha256, changeId, node, signature), zip);
                return changeId;
            });
            deployed.put(id, change);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the zip of " + id + " " + version + ": " + e.getMessage(), e);
        }
    }

    /** Whether this host installed, or deployed, the install {@code plugin} names. */
    boolean deployed(StoredPlugin plugin) {
        Long change = deployed.get(plugin.carrier());
        return change != null && change == plugin.changeId();
    }

    /** This host deployed {@code plugin} (or tried to: a failure is recorded on the carrier, not retried). */
    void markDeployed(StoredPlugin plugin) {
        deployed.put(plugin.carrier(), plugin.changeId());
    }

    /** Carrier {@code id} was removed here, following another host. */
    void forget(String id) {
        deployed.remove(id);
    }
}
