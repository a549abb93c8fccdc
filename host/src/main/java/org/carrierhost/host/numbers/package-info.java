/**
 * Internal: the host's implementation of {@link org.carrierhost.host.manager.CarrierManager}: searches over
 * carriers, the offer cache, the moves of one number and the import of local stock. Not part of the
 * supported API; may change in any release.
 */
package org.carrierhost.host.numbers;
