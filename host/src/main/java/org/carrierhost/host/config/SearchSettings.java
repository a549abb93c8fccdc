package org.carrierhost.host.config;

import java.time.Duration;
import java.util.List;

/**
 * How searches ask carriers and what they remember ({@code search.*}, {@code carriers.order}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param timeout       {@code search.timeout_ms}: one deadline for all carriers of a search
 * @param carriersOrder {@code carriers.order}: which carrier wins when several offer one number
 * @param offerTtl      {@code search.offer_ttl_ms}: how long a search's offers are remembered, in memory, for an acquire
 * @param stateTtl      {@code search.state_ttl_ms}: how long a search trusts the registry state it read of an offered number
 */
public record SearchSettings(Duration timeout, List<String> carriersOrder, Duration offerTtl, Duration stateTtl) {

    public SearchSettings {
        carriersOrder = List.copyOf(carriersOrder);
    }

    static SearchSettings from(HostConfiguration values) {
        return new SearchSettings(values.get(Settings.SEARCH_TIMEOUT), values.get(Settings.CARRIERS_ORDER),
                values.get(Settings.SEARCH_OFFER_TTL), values.get(Settings.SEARCH_STATE_TTL));
    }
}
