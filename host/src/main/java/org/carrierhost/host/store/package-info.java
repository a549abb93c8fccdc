/**
 * Internal: the database pool. Not part of the supported API; may change in any release.
 */
package org.carrierhost.host.store;
