/**
 * The test kit for carrier authors and for the host's own tests: {@link
 * org.carrierhost.host.testkit.CarrierHostExtension}, a JUnit 5 extension that starts a real embedded
 * host with given plugin zips for each test. It needs {@code org.junit.jupiter:junit-jupiter-api} on the
 * test class path (an optional dependency of carrier-host). Supported: kept compatible within a major
 * version.
 */
package org.carrierhost.host.testkit;
