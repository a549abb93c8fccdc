/**
 * Internal: not part of the supported API; may change in any release.
 *
 * <p>Reconciliation: what a carrier says the account holds, against what the registry says, reported row by row and
 * repaired only through the API, each repair audited.
 */
package org.carrierhost.host.reconcile;
