/**
 * Internal: the plugin lifecycle over PF4J. Public only so the host's packages can wire it; reachable from
 * {@code CarrierHost#carriers()}, {@code lifecycle()} and {@code operations()} for tools and tests, but not
 * part of the supported API and may change in any release.
 */
package org.carrierhost.host.plugins;
