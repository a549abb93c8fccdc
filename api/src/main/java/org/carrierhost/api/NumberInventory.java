package org.carrierhost.api;

import java.util.List;

/**
 * The host's own stock of numbers, given to local carriers ({@link CarrierExtension#isLocal()}) so they
 * search the host's registry instead of keeping a store of their own.
 *
 * <p>Implementations are thread-safe: carriers call them from many search threads at once.
 */
public interface NumberInventory {

    /**
     * The numbers held by {@code carrierId} in state {@link NumberState#AVAILABLE} whose E.164 form starts
     * with {@code e164Prefix}, in number order, skipping {@code offset} and returning at most
     * {@code limit}.
     */
    List<NumberRecord> findAvailable(String carrierId, String e164Prefix, int offset, int limit);

    /**
     * The numbers held by {@code carrierId} in any state but {@link NumberState#AVAILABLE} (those taken from its
     * stock), in number order, skipping {@code offset} and returning at most {@code limit}: what a local carrier says
     * its account holds. Optional: an inventory that does not override it lists none.
     */
    default List<NumberRecord> findTaken(String carrierId, int offset, int limit) {
        return List.of();
    }
}
