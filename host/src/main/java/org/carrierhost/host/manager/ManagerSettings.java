package org.carrierhost.host.manager;

import java.time.Duration;
import java.util.List;

/**
 * How the carrier manager calls carriers.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param searchTimeout the one deadline for all carriers of a search ({@code search.timeout_ms})
 * @param orderTimeout  the deadline of one acquire or disconnect at a carrier ({@code acquire.timeout_ms})
 * @param carriersOrder which carrier wins when several offer one number, first first ({@code carriers.order})
 * @param maxImport     the most numbers one stock import may list ({@code import.max_numbers})
 * @param offerTtl      how long a search's offers are remembered for a later acquire ({@code search.offer_ttl_ms})
 * @param stateTtl      how long a search trusts the registry state it read of an offered number ({@code search.state_ttl_ms})
 */
public record ManagerSettings(Duration searchTimeout, Duration orderTimeout, List<String> carriersOrder, int maxImport,
                              Duration offerTtl, Duration stateTtl) {

    public ManagerSettings {
        carriersOrder = List.copyOf(carriersOrder);
    }
}
