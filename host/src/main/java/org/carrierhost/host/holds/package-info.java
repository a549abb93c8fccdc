/**
 * Internal: not part of the supported API; may change in any release.
 *
 * <p>Holds that expire: numbers kept for an account while it decides, at their carrier where it can hold them
 * ({@code kind: carrier}) or within our hosts only ({@code kind: soft}); stored in the registry on database time,
 * and ended once, on whichever host's reaper leases them first.
 */
package org.carrierhost.host.holds;
