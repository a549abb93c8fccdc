/**
 * Internal: the number registry over JDBC. Not part of the supported API (use {@code CarrierManager}); may
 * change in any release.
 */
package org.carrierhost.host.registry;
