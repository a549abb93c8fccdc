package org.carrierhost.host.reconcile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an operator may do about one row of a reconciliation.
 *
 * <p>Thread-safe: an enum.
 */
public enum Repair {
    /** Disconnect the number at the carrier, so it stops billing for it; the registry marks it released. */
    RELEASE_AT_CARRIER,
    /** Make the registry agree with the carrier: in service when only the carrier has it, released when only we do. */
    ADOPT,
    /** Leave both as they are; the row is settled. */
    MARK_CHECKED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Repair> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst();
    }
}
