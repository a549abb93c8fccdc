/**
 * The host's typed events ({@link org.carrierhost.host.events.HostEvent}) and {@link
 * org.carrierhost.host.events.HostEventListener}. Supported: kept compatible within a major version.
 */
package org.carrierhost.host.events;
