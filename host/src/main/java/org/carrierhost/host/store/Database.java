package org.carrierhost.host.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.carrierhost.host.config.Settings;

/**
 * The host's JDBC database: a connection pool plus the schema, created on open. The SQL is portable
 * (H2 by default, PostgreSQL when {@code store.jdbc_url} points there).
 *
 * <p>Thread-safe: the pool is.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /** The default of {@code store.pool_size}, as the settings table declares it. */
    public static final int DEFAULT_POOL_SIZE = Settings.STORE_POOL_SIZE.defaultValue().orElseThrow();

    /** Opens the database at {@code jdbcUrl} with {@link #DEFAULT_POOL_SIZE} connections, creating any missing table. */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
    }

    /** Opens the database at {@code jdbcUrl} with at most {@code poolSize} connections, creating any missing table. */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("carrier-host-db");
        config.setAutoCommit(true);
        config.setExceptionOverrideClassName(BrokenConnections.class.getName());
        HikariDataSource pool = new HikariDataSource(config);
        try {
            createSchema(pool);
        } catch (SQLException | IOException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot prepare the database at " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return new Database(pool);
    }

    /** The default embedded database in {@code dataDir}: durable on commit, so state is written before success. */
    public static String embeddedUrl(java.nio.file.Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The pool. */
    public DataSource dataSource() {
        return pool;
    }

    private static void createSchema(DataSource dataSource) throws SQLException, IOException {
        String script;
        try (InputStream in = Database.class.getResourceAsStream("schema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : Arrays.stream(script.split(";")).map(String::strip).filter(x -> !x.isEmpty()).toList()) {
                s.execute(sql);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
