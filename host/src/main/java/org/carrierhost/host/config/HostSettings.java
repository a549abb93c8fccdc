package org.carrierhost.host.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.carrierhost.api.CarrierConfig;

/**
 * Every host setting, validated and typed, plus the carriers' own sections.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param http            {@code http.*}: the HTTP server
 * @param adminToken      {@code admin.token}, when set; otherwise one is generated in the data directory
 * @param tokens          {@code auth.token.<name>=<role>:<secret>}, by name
 * @param pluginsDir      {@code plugins.dir}
 * @param dataDir         {@code data.dir}
 * @param jdbcUrl         {@code store.jdbc_url}; the embedded H2 database in the data directory when unset
 * @param jdbcUser        {@code store.user}
 * @param jdbcPassword    {@code store.password}
 * @param jdbcPoolSize    {@code store.pool_size}: the most database connections open at once
 * @param searchTimeout   {@code search.timeout_ms}
 * @param orderTimeout    {@code acquire.timeout_ms}
 * @param carriersOrder   {@code carriers.order}
 * @param drainTimeout    {@code plugins.drain_timeout_ms}
 * @param startTimeout    {@code plugins.start_timeout_ms}
 * @param stopTimeout     {@code plugins.stop_timeout_ms}
 * @param maxZipBytes     {@code plugins.max_zip_bytes}
 * @param maxZipEntries   {@code plugins.max_zip_entries}
 * @param maxUnpacked     {@code plugins.max_unpacked_bytes}
 * @param maxZipRatio     {@code plugins.max_zip_ratio}
 * @param rescanInterval  {@code plugins.rescan_ms}: how often the drop-in directory is listed, besides its events
 * @param stableWindow    {@code plugins.stable_ms}: how long a dropped zip must stay unchanged before it is loaded
 * @param claimLifetime   {@code registry.claim_lifetime_ms}: when an unfinished acquire's claim may be taken over
 * @param maxImport       {@code import.max_numbers}: the most numbers one stock import may list
 * @param offerTtl        {@code search.offer_ttl_ms}: how long a search's offers are remembered, in memory, for an acquire
 * @param stateTtl        {@code search.state_ttl_ms}: how long a search trusts the registry state it read of an offered number
 * @param cluster         {@code cluster.*}: this host's node id and heartbeat and check intervals
 * @param carrierSections {@code carrier.<id>.*}, by carrier id
 */
public record HostSettings(HttpSettings http, Optional<String> adminToken,
                           Map<String, String> tokens, Path pluginsDir, Path dataDir, Optional<String> jdbcUrl,
                           String jdbcUser, String jdbcPassword, int jdbcPoolSize, Duration searchTimeout, Duration orderTimeout,
                           List<String> carriersOrder, Duration drainTimeout, Duration startTimeout, Duration stopTimeout,
                           long maxZipBytes, int maxZipEntries, long maxUnpacked, int maxZipRatio,
                           Duration rescanInterval, Duration stableWindow, Duration claimLifetime, int maxImport,
                           Duration offerTtl, Duration stateTtl, ClusterSettings cluster,
                           Map<String, CarrierConfig> carrierSections) {

    public HostSettings {
        tokens = Map.copyOf(tokens);
        carriersOrder = List.copyOf(carriersOrder);
        carrierSections = Map.copyOf(carrierSections);
    }

    /** Carrier {@code id}'s section; empty when none is configured. */
    public CarrierConfig carrier(String id) {
        return carrierSections.getOrDefault(id, CarrierConfig.empty());
    }
}
