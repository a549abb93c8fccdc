package org.carrierhost.api;

import java.util.List;

import org.pf4j.ExtensionPoint;

/**
 * A telephone-number carrier: the six callbacks of KAZOO's {@code knm_gen_carrier}, plus start and stop.
 *
 * <p>A plugin provides exactly one implementation, annotated {@code @org.pf4j.Extension}. The host builds
 * one instance per loaded plugin version, calls {@link #start(CarrierContext)} once before any other
 * callback, and {@link #stop()} once after the last.
 *
 * <p><b>Threads.</b> Implementations must be thread-safe: the host calls {@code findNumbers},
 * {@code acquireNumber} and {@code disconnectNumber} from many threads at once. The host interrupts a
 * call that misses its deadline; a carrier that blocks should let interruption end the wait.
 *
 * <p><b>Errors.</b> Every failure is a {@link CarrierException} with a standard {@link ErrorCode}. Put the
 * carrier's own code and text in its detail: the host shows it to the caller.
 */
public interface CarrierExtension extends ExtensionPoint {

    /**
     * Prepares the carrier with its configuration, data directory and (for a local carrier) the host's
     * inventory. A carrier that is not configured should still start and answer
     * {@link ErrorCode#CARRIER_UNAVAILABLE} from its calls, naming what is missing.
     *
     * @throws CarrierException when it cannot start at all; the host records the reason on the carrier
     */
    default void start(CarrierContext context) throws CarrierException {
    }

    /**
     * The settings of the carrier's section ({@code carrier.<id>.*}) it understands. The host checks the section
     * against them before {@link #start(CarrierContext)}: a missing required key marks the carrier not configured,
     * naming the key, and a value its setting does not take fails the start, naming the key and the rule. The host
     * shows them, secrets masked. Called once, before {@code start}; must return promptly.
     *
     * @return the declared settings; by default none, and the host checks nothing
     */
    default List<CarrierSetting> settings() {
        return List.of();
    }

    /** Releases what {@link #start(CarrierContext)} took. Must not throw and must return promptly. */
    default void stop() {
    }

    /**
     * What this carrier's search can answer: countries, number types, how it applies each filter of
     * {@link SearchOptions#filters()}, which attributes its offers carry and its largest quantity. Called once, after
     * {@link #start(CarrierContext)}; must return promptly. Optional: a carrier that does not override it answers a
     * prefix search only ({@link CarrierCapabilities#prefixOnly()}), and the host checks what it can of other filters
     * on its offers and leaves it out of searches whose filters it cannot check.
     */
    default CarrierCapabilities capabilities() {
        return CarrierCapabilities.prefixOnly();
    }

    /**
     * Finds numbers offered under an E.164 prefix ({@code find_numbers}), matching the filters of
     * {@link SearchOptions#filters()} that its {@link #capabilities()} say it applies.
     *
     * @param e164Prefix starts with {@code +} and the country code, for example {@code +1415}
     * @param quantity   the most numbers (or, with {@link SearchOptions#blocks()}, blocks) to return, at least 1
     * @param options    offset, country, account, block options and filters
     * @return the offers, each of whose numbers starts with {@code e164Prefix} and matches the filters it claims to
     *         apply, with the {@link NumberAttributes} it knows in their data; an empty result is not an error
     * @throws CarrierException with a standard code on any failure
     */
    SearchResult findNumbers(String e164Prefix, int quantity, SearchOptions options) throws CarrierException;

    /**
     * Provisions the number at the carrier ({@code acquire_number}).
     *
     * @param number the record as the host holds it, with the account that is acquiring it
     * @return the record with the carrier's data added (order id and the like); the host sets the state
     * @throws CarrierException with a standard code on any failure; nothing may be left half-ordered
     *                          without saying so in the detail
     */
    NumberRecord acquireNumber(NumberRecord number) throws CarrierException;

    /**
     * Releases the number at the carrier ({@code disconnect_number}).
     *
     * @param number the record as the host holds it
     * @return the record with the carrier's data updated; the host sets the state
     * @throws CarrierException with a standard code on any failure
     */
    NumberRecord disconnectNumber(NumberRecord number) throws CarrierException;

    /** Whether caller-name (CNAM) lookup applies to this carrier's numbers ({@code should_lookup_cnam}). */
    boolean shouldLookupCnam();

    /** Whether the number is billed ({@code is_number_billable}). */
    boolean isNumberBillable(NumberRecord number);

    /**
     * True when the carrier serves numbers held by this system itself rather than calling out
     * ({@code is_local}). A local carrier receives the host's {@link NumberInventory}.
     */
    boolean isLocal();

    /**
     * Whether this carrier can hold numbers itself for a while ({@link #reserveNumber}). Optional: a carrier
     * that does not override it answers false, and the host holds its numbers within its own hosts only.
     */
    default boolean reservesNumbers() {
        return false;
    }

    /**
     * Holds {@code number} at the carrier for {@code accountId}, for about {@code ttl} or the carrier's own limit,
     * whichever it grants; the answer says when the carrier itself lets it go. Called only when
     * {@link #reservesNumbers()} is true.
     *
     * @throws CarrierException with a standard code on any failure, for example {@link ErrorCode#NUMBER_EXISTS}
     *                          when somebody else holds or owns it
     */
    default NumberReservation reserveNumber(String number, java.time.Duration ttl, String accountId) throws CarrierException {
        throw new CarrierException(ErrorCode.INVALID, "this carrier does not hold numbers",
                "reservesNumbers() is false; the host holds its numbers itself");
    }

    /**
     * Extends a reservation at the carrier, so a hold can outlast the carrier's first expiry; the answer says when the
     * carrier now lets it go. Called only for a reservation of this carrier when a hold is extended past that expiry
     * (less the host's margin). Optional: a carrier that does not override it keeps the reservation as it was, and
     * the host ends the hold no later than that expiry less the margin.
     *
     * @throws CarrierException with a standard code on any failure; the hold is then extended only as far as the
     *                          reservation already lasts
     */
    default NumberReservation extendReservation(NumberReservation reservation) throws CarrierException {
        return reservation;
    }

    /**
     * Lets a reservation go before the carrier's own expiry. The host may call it again after a failure;
     * a reservation the carrier no longer knows should be answered {@link ErrorCode#NOT_FOUND}, which the host
     * counts as released.
     *
     * @throws CarrierException with a standard code on any failure
     */
    default void releaseReservation(NumberReservation reservation) throws CarrierException {
        throw new CarrierException(ErrorCode.NOT_FOUND, "this carrier does not hold numbers", reservation.reference());
    }

    /**
     * Whether this carrier can list the numbers it says the account holds ({@link #inventory}), for a reconciliation.
     * Optional: a carrier that does not override it answers false.
     */
    default boolean listsInventory() {
        return false;
    }

    /**
     * One page of the numbers the carrier says the account holds, in a stable order: {@code page} counts from 1, and
     * each page has at most {@code size} numbers. Called only when {@link #listsInventory()} is true.
     *
     * @throws CarrierException with a standard code on any failure
     */
    default InventoryPage inventory(int page, int size) throws CarrierException {
        throw new CarrierException(ErrorCode.INVALID, "this carrier does not list its numbers", "listsInventory() is false");
    }

    /**
     * Checks that this version works, before it takes traffic or when an operator asks: its configuration, its
     * credentials by one cheap authenticated read, that the carrier is reachable, and a dry-run search of quantity 1
     * on a probe prefix through {@link SelfTestRequest#calls()}, which proves it reads today's replies. It must never
     * acquire or disconnect: the host refuses both. It should answer within {@link SelfTestRequest#deadline()}; the
     * host interrupts it then and answers {@link SelfTestResult.Outcome#INCONCLUSIVE} for it.
     *
     * <p>Optional: a carrier that does not override it answers {@link SelfTestResult#notImplemented()}, loads and
     * serves as before, and shows as untested.
     *
     * @return passed, failed or inconclusive, with named checks; a failure of the carrier itself (it is down) is
     *         inconclusive, one of this version (bad credentials, replies it misreads) failed
     * @throws CarrierException when it cannot test at all; the host answers failed, or inconclusive for
     *                          {@link ErrorCode#CARRIER_UNAVAILABLE} and {@link ErrorCode#TIMEOUT}
     */
    default SelfTestResult selfTest(SelfTestRequest request) throws CarrierException {
        return SelfTestResult.notImplemented();
    }
}
