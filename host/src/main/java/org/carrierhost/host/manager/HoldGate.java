package org.carrierhost.host.manager;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the carrier manager asks of the holds: whether an acquire may take a held number (and which hold it
 * consumes), that it did, and which numbers a search must leave out for an account.
 *
 * <p>Implementations are thread-safe.
 */
public interface HoldGate {

    /** No holds at all. */
    HoldGate NONE = new HoldGate() {
        @Override
        public Optional<String> admit(String number, String accountId, String holdId) {
            return Optional.empty();
        }

        @Override
        public void consumed(String holdId, String number, String actor) {
        }

        @Override
        public Map<String, String> holders(Collection<String> numbers) {
            return Map.of();
        }
    };

    /**
     * Before an acquire of {@code number} by {@code accountId}, naming {@code holdId} or not: the hold it consumes
     * when it succeeds (the number is held for that account), or empty when the number is not held.
     *
     * @throws org.carrierhost.host.errors.StandardException 409 naming the hold, when another account holds it or
     *                                                       {@code holdId} is not the hold that does
     */
    Optional<String> admit(String number, String accountId, String holdId);

    /** After the acquire {@link #admit} let through succeeded: takes the number out of its hold, with no release. */
    void consumed(String holdId, String number, String actor);

    /** Which of {@code numbers} are held now, each with the account it is held for. */
    Map<String, String> holders(Collection<String> numbers);
}
