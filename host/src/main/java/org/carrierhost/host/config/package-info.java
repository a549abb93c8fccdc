/**
 * The host's settings: {@link org.carrierhost.host.config.Settings} declares every one once (key, type,
 * bounds, default, secrecy, documentation), {@link org.carrierhost.host.config.HostConfiguration} layers and
 * parses them by that table, and {@link org.carrierhost.host.config.HostSettings} holds them typed, grouped
 * by part. Supported: kept compatible within a major version.
 */
package org.carrierhost.host.config;
