/**
 * Internal: the HTTP API and console. Public only so the host's packages can wire it; not part of the
 * supported API and may change in any release.
 */
package org.carrierhost.host.http;
