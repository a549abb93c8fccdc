package org.carrierhost.host.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The registry's database ({@code store.*}).
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param jdbcUrl  {@code store.jdbc_url}; the embedded H2 database in the data directory when unset
 * @param user     {@code store.user}
 * @param password {@code store.password}; a secret, never shown
 * @param poolSize {@code store.pool_size}: the most database connections open at once
 * @param statementTimeout {@code store.statement_timeout_ms}: the longest any registry query may run
 */
public record StoreSettings(Optional<String> jdbcUrl, String user, String password, int poolSize, Duration statementTimeout) {

    static StoreSettings from(HostConfiguration values) {
        return new StoreSettings(values.optional(Settings.STORE_JDBC_URL), values.get(Settings.STORE_USER),
                values.get(Settings.STORE_PASSWORD), values.get(Settings.STORE_POOL_SIZE),
                values.get(Settings.STORE_STATEMENT_TIMEOUT));
    }

    @Override
    public String toString() {
        return "StoreSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + Setting.MASK + ", poolSize=" + poolSize
                + ", statementTimeout=" + statementTimeout + "]";
    }
}
