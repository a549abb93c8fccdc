package org.carrierhost.host;

import java.util.LinkedHashMap;
import java.util.Map;

import org.carrierhost.host.store.Database;

/**
 * A database one test has to itself, handed to it by {@link Databases}: an H2 file in a temporary folder,
 * or a PostgreSQL database with a random name that is dropped after the test.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param kind     which database this is
 * @param jdbcUrl  its {@code store.jdbc_url}
 * @param user     its {@code store.user}
 * @param password its {@code store.password}
 */
public record TestDatabase(Kind kind, String jdbcUrl, String user, String password) {

    /** The databases every registry test runs on. */
    public enum Kind { H2, POSTGRESQL }

    /** Opens it with the host's pool and migrations. */
    public Database open() {
        return Database.open(jdbcUrl, user, password);
    }

    /** Whether this is the PostgreSQL one. */
    public boolean isPostgres() {
        return kind == Kind.POSTGRESQL;
    }

    /** The host settings that put a host's registry in it. */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("store.jdbc_url", jdbcUrl);
        settings.put("store.user", user);
        settings.put("store.password", password);
        return settings;
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
