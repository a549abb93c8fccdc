/**
 * The platform's Java API: {@link org.carrierhost.host.manager.CarrierManager} (search, acquire,
 * disconnect, check, import) and its request and answer values. Supported: kept compatible within a major
 * version.
 */
package org.carrierhost.host.manager;
