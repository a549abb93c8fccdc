package org.carrierhost.host.cluster;

import org.carrierhost.host.events.CarrierAction;

/**
 * One operator change to a carrier, as the change log holds it for the other hosts to follow.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param id      its place in the log; later changes have greater ids
 * @param carrier the carrier id
 * @param action  {@code ENABLE}, {@code DISABLE}, {@code RELOAD}, {@code REMOVE} or {@code INSTALL}
 * @param node    the node it was made on
 * @param at      when, in epoch milliseconds
 */
record ChangeRecord(long id, String carrier, CarrierAction action, String node, long at) {
}
