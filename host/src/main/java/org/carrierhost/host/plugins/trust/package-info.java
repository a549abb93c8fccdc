/**
 * Internal: who made a carrier's zip. A detached OpenPGP signature ({@code x.zip.asc}) over the whole zip is
 * checked offline against this host's {@link org.carrierhost.host.config.TrustSettings} by the {@link
 * org.carrierhost.host.plugins.trust.ZipVerifier}, before anything in the zip is unpacked, screened or loaded.
 * Full fingerprints only; key expiry and revocation are checked here, not left to the library.
 */
package org.carrierhost.host.plugins.trust;
