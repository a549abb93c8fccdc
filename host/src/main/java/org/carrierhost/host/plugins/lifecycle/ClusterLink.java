package org.carrierhost.host.plugins.lifecycle;

import org.carrierhost.host.events.CarrierAction;

/**
 * How an operator's change on this host reaches the other hosts sharing its database. {@link
 * CarrierLifecycle} calls it after a change made here succeeded; it is not called for a change this host
 * only follows.
 *
 * <p>Implementations are thread-safe.
 */
public interface ClusterLink {

    /** A link to no other host: a host on its own. */
    ClusterLink NONE = new ClusterLink() {
        @Override
        public void changed(String id, CarrierAction action, String actor) {
        }

        @Override
        public void installed(String id, String version, String sha256, byte[] zip, byte[] signature, String actor) {
        }
    };

    /**
     * Carrier {@code id} was enabled, disabled, reloaded or removed here by {@code actor}.
     *
     * @throws RuntimeException when the other hosts cannot be told (the database is unreachable)
     */
    void changed(String id, CarrierAction action, String actor);

    /**
     * {@code zip} (carrier {@code id} at {@code version}) was installed here and serves; store it so every
     * host deploys it.
     *
     * @throws RuntimeException when it cannot be stored
     */
    void installed(String id, String version, String sha256, byte[] zip, byte[] signature, String actor);
}
