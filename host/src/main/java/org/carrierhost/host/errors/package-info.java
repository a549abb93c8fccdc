/**
 * The standard error every failure carries ({@link org.carrierhost.host.errors.StandardException} and its
 * {@link org.carrierhost.host.errors.StandardError}). Supported: kept compatible within a major version.
 */
package org.carrierhost.host.errors;
