/**
 * The embedding API: {@link org.carrierhost.host.CarrierHost#builder()} starts a host, {@link
 * org.carrierhost.host.CarrierHost} is the running host. Supported: kept compatible within a major version.
 */
package org.carrierhost.host;
