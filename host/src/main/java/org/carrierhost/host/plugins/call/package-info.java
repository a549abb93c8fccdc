/**
 * Internal: the one call path into carriers: breakers, bulkheads, leases, deadlines and statistics. It
 * reaches carriers through {@link org.carrierhost.host.plugins.call.CallPort} and imports nothing above it.
 */
package org.carrierhost.host.plugins.call;
