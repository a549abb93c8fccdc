/**
 * Internal: a running host's Internal parts ({@link org.carrierhost.host.parts.HostParts}), for the host's
 * own tools, tests and benchmarks. Not part of the supported API; may change in any release.
 */
package org.carrierhost.host.parts;
