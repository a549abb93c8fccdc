package org.carrierhost.host.cluster;

/**
 * A carrier installed through the API, as the database holds it for every host: which zip to deploy.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param carrier  the carrier id
 * @param version  its version
 * @param sha256   the SHA-256 of its zip, the key of the zip in {@code plugin_zips}
 * @param changeId the change log entry of its install
 * @param node     the node it was installed on
 * @param signature the armored detached OpenPGP signature uploaded with the zip, or null: every host judges it
 *                  against its own trust policy
 */
record StoredPlugin(String carrier, String version, String sha256, long changeId, String node, byte[] signature) {
}
