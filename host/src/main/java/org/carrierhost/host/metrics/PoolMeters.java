package org.carrierhost.host.metrics;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The registry database's connection pool meters, HikariCP's own ({@code hikaricp_connections_active},
 * {@code _idle}, {@code _max}, {@code _pending}, and the timers {@code hikaricp_connections_usage_seconds},
 * how long each registry query held its connection, and {@code _acquire_seconds}, how long it waited for
 * one). HikariCP takes its meters out again when the pool closes.
 *
 * <p>Thread-safe: stateless.
 */
final class PoolMeters {

    private PoolMeters() {
    }

    /** Meters {@code dataSource} into {@code registry}, when it is a HikariCP pool; others are left unmetered. */
    static void bind(DataSource dataSource, MeterRegistry registry) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot meter the connection pool: " + e.getMessage(), e);
        }
    }
}
