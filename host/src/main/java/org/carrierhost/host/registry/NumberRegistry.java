package org.carrierhost.host.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.carrierhost.api.NumberInventory;
import org.carrierhost.api.NumberOffer;
import org.carrierhost.api.NumberRecord;
import org.carrierhost.api.NumberState;
import org.carrierhost.host.events.HistoryEntry;

/**
 * Every number the host knows, with its state and history. The single source of truth: a change is
 * durable when a method returns.
 *
 * <p>Implementations are thread-safe, and safe across several hosts sharing one database: races are
 * settled by conditional updates in the database, not by Java locks.
 */
public interface NumberRegistry extends NumberInventory {

    /** The stored record of {@code number} (E.164). */
    Optional<NumberRecord> find(String number);

    /** The state of each of {@code numbers} that is stored; numbers not stored are absent. */
    Map<String, NumberState> states(Collection<String> numbers);

    /**
     * Claims {@code offer}'s number for a move to {@code target} through {@code carrier}, the carrier that
     * offered it. A number the registry does not know yet is stored in the same statement, in
     * {@link NumberState#DISCOVERY} with {@code carrier} and the offer's data, already claimed; a number it
     * knows is claimed as {@link #claim} does. Searches write nothing: a number is stored only here, when
     * somebody acquires it.
     */
    ClaimResult claimOffered(String carrier, NumberOffer offer, Set<NumberState> from, NumberState target);

    /**
     * Adds {@code numbers} (distinct, E.164) to {@code carrier}'s stock in state {@link NumberState#AVAILABLE},
     * recording for each added number the move none -> available by {@code actor}. Numbers already stored
     * are left as they are. All in one transaction: on failure nothing is added.
     *
     * @return the state of each number that was already stored; every other number was added
     */
    default Map<String, NumberState> addAvailable(String carrier, Collection<String> numbers, String actor) {
        return addInState(carrier, numbers, NumberState.AVAILABLE, actor);
    }

    /**
     * As {@link #addAvailable}, in {@code state}: {@link NumberState#AVAILABLE} for a local carrier's stock,
     * {@link NumberState#PORT_IN} for numbers that came by porting.
     */
    Map<String, NumberState> addInState(String carrier, Collection<String> numbers, NumberState state, String actor);

    /**
     * As {@link #addInState(String, Collection, NumberState, String)}, storing with each added number the attributes
     * {@code attributes} gives it (in its data, and as the search keys a local carrier's search reads), in the same
     * transaction.
     */
    default Map<String, NumberState> addInState(String carrier, Collection<String> numbers, NumberState state, String actor,
                                                Map<String, org.carrierhost.api.NumberAttributes> attributes) {
        return addStock(carrier, numbers, state, actor, attributes).asMap();
    }

    /**
     * As {@link #addInState(String, Collection, NumberState, String, Map)}, for an import of any size: {@code numbers} is
     * read once, as the rows are written (a {@link NumberList} holds a million in 8 MB), and the numbers already stored
     * come back compact, by state. Returns once the commit is durable.
     */
    PresentNumbers addStock(String carrier, Collection<String> numbers, NumberState state, String actor,
                            Map<String, org.carrierhost.api.NumberAttributes> attributes);

    /**
     * Numbers in {@link NumberState#AGING} whose last move is at least {@code agingFor} old and that nobody has
     * claimed, at most {@code limit} of them: those whose aging is over.
     */
    List<NumberRecord> agingOver(java.time.Duration agingFor, int limit);

    /**
     * Claims {@code number} for a move to {@code target}, if it is in one of {@code from} and nobody else
     * holds a claim (claims older than the registry's claim lifetime are taken over).
     */
    ClaimResult claim(String number, Set<NumberState> from, NumberState target);

    /**
     * Stores {@code updated} (its state, account, carrier and data) for the claimed number, records the
     * move in its history as done by {@code actor}, and gives up the claim, in one transaction.
     *
     * @throws org.carrierhost.host.errors.StandardException 409 when the claim was lost meanwhile
     */
    NumberRecord complete(Claim claim, NumberRecord updated, String actor);

    /** Gives up {@code claim} without changing the number. */
    void release(Claim claim);

    /**
     * Gives up {@code claim}, leaving the number's state and account as they were but merging {@code carrierData}
     * over its carrier data: what a failed carrier call left behind (an order whose outcome is not known yet).
     * With no data this is {@link #release(Claim)}.
     */
    void release(Claim claim, Map<String, Object> carrierData);

    /**
     * {@link #claim} and {@link #complete} in one transaction, for a move that calls no remote carrier in
     * between: if {@code updated}'s number is in one of {@code from} and nobody holds a claim, stores
     * {@code updated} and records the move in its history as done by {@code actor}, with one commit.
     *
     * @return {@link ClaimResult.Moved} with the stored record, or why the move was not made
     */
    ClaimResult moveAtOnce(NumberRecord updated, Set<NumberState> from, String actor);

    /** The numbers of {@code carrier} in one of {@code states}, in number order. */
    List<NumberRecord> ofCarrier(String carrier, Set<NumberState> states);

    /**
     * A repair after a reconciliation: stores {@code record} as it is (inserted when absent, its state, carrier,
     * account and data set when present and unclaimed) whatever the state it was in, and records the move by
     * {@code actor}. It is the one write that does not follow the table of moves: it makes the registry agree with
     * what a carrier says.
     *
     * @throws org.carrierhost.host.errors.StandardException 409 when an acquire or disconnect holds a claim on it
     */
    NumberRecord adopt(NumberRecord record, String actor);

    /** The history of {@code number}, oldest first. */
    List<HistoryEntry> history(String number);
}
