package org.carrierhost.host.store;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.carrierhost.host.config.Settings;

/**
 * The host's JDBC database: a connection pool plus the schema, brought to the newest version on open by
 * {@link SchemaMigrations}. The SQL is portable (H2 by default, PostgreSQL when {@code store.jdbc_url}
 * points there).
 *
 * <p>Thread-safe: the pool is.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * How long a call waits for a connection before it fails: a database that is gone is answered
     * {@code 503} within this, rather than after the pool's default of 30 s.
     */
    public static final long CONNECTION_TIMEOUT_MS = 3_000;

    /** The default of {@code store.pool_size}, as the settings table declares it. */
    public static final int DEFAULT_POOL_SIZE = Settings.STORE_POOL_SIZE.defaultValue().orElseThrow();

    /** Opens the database at {@code jdbcUrl} with {@link #DEFAULT_POOL_SIZE} connections, applying any missing migration. */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /** The default of {@code store.statement_timeout_ms}, as the settings table declares it. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Settings.STORE_STATEMENT_TIMEOUT.defaultValue().orElseThrow();

    /** Opens the database at {@code jdbcUrl} with at most {@code poolSize} connections, applying any missing migration. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        return open(jdbcUrl, user, password, poolSize, DEFAULT_STATEMENT_TIMEOUT);
    }

    /**
     * Opens the database at {@code jdbcUrl} with at most {@code poolSize} connections, each of whose statements
     * is cancelled by the database after {@code statementTimeout} (a lock waited for included), applying any
     * missing migration (on connections of its own, without that bound).
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize, Duration statementTimeout) {
        HikariConfig config = new HikariConfig();
        statementTimeoutSql(jdbcUrl, statementTimeout).ifPresent(config::setConnectionInitSql);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("carrier-host-db");
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setAutoCommit(true);
        config.setExceptionOverrideClassName(BrokenConnections.class.getName());
        if (jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.contains("reWriteBatchedInserts")) {
            // A batch of inserts (a stock import) as multi-row INSERTs: about three times the rows per second.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config);
            SchemaMigrations.apply(pool, jdbcUrl, user, password);
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw new IllegalStateException("cannot prepare the database at " + shown(jdbcUrl) + ": " + e.getMessage(), e);
        }
        return new Database(pool);
    }

    /** The session statement that bounds every statement's time on {@code jdbcUrl}'s database, for those that have one. */
    static java.util.Optional<String> statementTimeoutSql(String jdbcUrl, Duration timeout) {
        long ms = Math.max(1, timeout.toMillis());
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return java.util.Optional.of("SET statement_timeout = " + ms);
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return java.util.Optional.of("SET QUERY_TIMEOUT " + ms);
        }
        return java.util.Optional.empty();
    }

    /** The default embedded database in {@code dataDir}: durable on commit, so state is written before success. */
    public static String embeddedUrl(java.nio.file.Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The pool. */
    public DataSource dataSource() {
        return pool;
    }

    /** {@code jdbcUrl} with the value of any {@code password} parameter masked, for messages. */
    public static String shown(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1********");
    }

    @Override
    public void close() {
        pool.close();
    }
}
