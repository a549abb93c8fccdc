/**
 * Several hosts on one database behave as one system: each records a heartbeat with its carriers, follows
 * the carrier changes made on the others (PostgreSQL {@code LISTEN/NOTIFY}, plus a periodic check), and
 * deploys the plugin zips installed through any host's API. Internal: not part of the supported API.
 */
package org.carrierhost.host.cluster;
