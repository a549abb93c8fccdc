package org.carrierhost.host.manager;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.errors.StandardException;
import org.carrierhost.host.events.HistoryEntry;

/**
 * The platform's Java API: the single interface over all enabled carriers: find, acquire, disconnect and
 * check (KAZOO's {@code knm_carriers}), plus the import of local stock. A running host gives one
 * ({@code CarrierHost#manager()}); the host's own implementation is Internal.
 *
 * <p>Implementations are thread-safe.
 */
public interface CarrierManager extends AutoCloseable {

    /**
     * Asks every enabled carrier (or those named) in parallel under one deadline, and merges what they
     * offer: sorted by number, without duplicates (the first carrier in {@code carriers.order} wins),
     * without numbers already held, paged by offset and quantity.
     *
     * @throws StandardException {@code invalid} for a bad prefix, quantity, offset or country
     */
    SearchResponse find(SearchRequest request);

    /**
     * Acquires {@code number} through the carrier that offered or owns it, and records it durably before
     * returning. Of several callers racing for one number exactly one wins; the others get 409.
     *
     * @throws StandardException {@code invalid}, {@code not_found}, {@code number_exists},
     *                           {@code invalid_state_transition}, or the carrier's failure
     */
    NumberRecord acquire(String rawNumber, AcquireRequest request, String actor);

    /**
     * Releases {@code number} at its carrier: a local number goes back to {@code available} (its account
     * cleared, findable again); a remote one becomes {@code released}.
     */
    NumberRecord disconnect(String rawNumber, String actor);

    /** Each number's state as the host knows it, or empty when it does not know the number. */
    Map<String, Optional<NumberState>> check(List<String> rawNumbers);

    /** The stored record of {@code number}, or, for a number this host only offered, the offer as {@code discovery}. */
    NumberRecord get(String rawNumber);

    /** The moves of {@code number}, oldest first: who, when, from, to, through which carrier. */
    List<HistoryEntry> history(String rawNumber);

    /**
     * Adds {@code rawNumbers} to local carrier {@code carrierId}'s stock as {@code available}, in one
     * transaction, and reports each number: added, already present (left as it is), or invalid (the others
     * are still added). Importing the same list again adds nothing. A disabled local carrier's stock may be
     * filled too: the stock is the registry's.
     *
     * @throws StandardException {@code not_found} for an unknown carrier, {@code invalid} for a carrier that
     *                           is not local or an empty list, {@code too_large} over {@code import.max_numbers},
     *                           {@code carrier_unavailable} for a carrier never loaded (whether it is local is
     *                           unknown); nothing is added then
     */
    ImportReport importNumbers(String carrierId, List<String> rawNumbers, String actor);

    /**
     * As {@link #importNumbers(String, List, String)} in {@code state}: {@code available} for a local carrier's stock,
     * or {@code port_in} for numbers that came by porting to any carrier the host knows (KAZOO's {@code port_in}).
     */
    ImportReport importNumbers(String carrierId, List<String> rawNumbers, NumberState state, String actor);

    /**
     * As {@link #importNumbers(String, List, NumberState, String)}, each number with the attributes a search can ask
     * for, stored with it (in its data, and in the indexed columns the local carrier's search reads).
     *
     * An entry whose attribute is out of form is reported invalid, naming it, as a malformed number is.
     */
    ImportReport importStock(String carrierId, List<StockEntry> entries, NumberState state, String actor);

    /**
     * Puts a ported-in number in service ({@code port_in -> in_service}) for {@code accountId} (or the account it was
     * imported for, when null), with no carrier call.
     */
    NumberRecord activate(String rawNumber, String accountId, String actor);

    /**
     * Moves a number to {@code target} by whichever request the table at {@code GET /api/states} names for that move.
     *
     * @throws org.carrierhost.host.errors.StandardException {@code 409 invalid_state_transition} for a move the table
     *                                                       does not allow here, or one only the reaper makes
     */
    NumberRecord moveTo(String rawNumber, NumberState target, String accountId, String actor);

    /** Ends the aging of numbers whose {@code numbers.aging_ms} is over (a reaper round); answers how many moved. */
    int endAging();

    /** Lets {@code gate} say which numbers are held, for whom; set once, as the host starts. */
    void holdWith(HoldGate gate);

    /** Counts the offers searches drop for breaking a filter in {@code meter}, by carrier; by default counts nothing. */
    default void meterDroppedOffersWith(java.util.function.ObjIntConsumer<String> meter) {
    }

    /**
     * The carrier and state of {@code number} as a hold needs them: stored and free to acquire, or offered now.
     *
     * @throws org.carrierhost.host.errors.StandardException {@code number_exists} when an account has it,
     *                                                       {@code not_found} when no carrier offers it
     */
    FoundNumber holdable(String rawNumber);

    /** Releases what it holds; the host closes it. */
    @Override
    void close();
}
