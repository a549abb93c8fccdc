/**
 * The host's settings: {@link org.carrierhost.host.config.HostConfiguration} reads them, {@link
 * org.carrierhost.host.config.HostSettings} holds them typed. Supported: kept compatible within a major
 * version.
 */
package org.carrierhost.host.config;
