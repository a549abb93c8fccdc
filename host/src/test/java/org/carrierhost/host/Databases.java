package org.carrierhost.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.carrierhost.host.store.Database;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs each {@link BothDatabases} test on H2 and on PostgreSQL. The H2 database is a file in a fresh
 * temporary folder. The PostgreSQL one is {@code ch_test_<random>}, created on {@value #SERVER} as user
 * {@code postgres} (trust authentication), with a linguistic collation (ICU {@code en-US}) where the
 * server has ICU, so the tests show the registry does not depend on the database's collation; it is
 * dropped after the test, whatever connections are left.
 *
 * <p>Where PostgreSQL cannot be reached, the PostgreSQL runs are skipped, giving that reason; with the
 * environment variable {@code CI} set to {@code true} they fail instead, so CI never passes without them.
 *
 * <p>Thread-safe: stateless but for the reachability answer, computed once.
 */
public final class Databases implements TestTemplateInvocationContextProvider {

    /** Where the tests' PostgreSQL server is. */
    public static final String SERVER = "127.0.0.1:5432";
    private static final String ADMIN_URL = "jdbc:postgresql://" + SERVER + "/postgres";
    private static final String USER = "postgres";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Databases.class);
    private static volatile String unreachable;
    private static volatile boolean probed;

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(TestDatabase.Kind.values()).map(Databases::invocation);
    }

    private static TestTemplateInvocationContext invocation(TestDatabase.Kind kind) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return kind == TestDatabase.Kind.H2 ? "H2" : "PostgreSQL";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Provision(kind));
            }
        };
    }

    /**
     * A fresh PostgreSQL database for a test that manages its own lifecycle (a class-wide setup, a
     * benchmark): skipped or failed as above when the server is unreachable. Drop it with {@link #drop}.
     */
    public static TestDatabase createPostgres() {
        requirePostgres();
        String name = "ch_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
            try {
                s.execute("CREATE DATABASE " + name + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
            } catch (SQLException noIcu) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(TestDatabase.Kind.POSTGRESQL, "jdbc:postgresql://" + SERVER + "/" + name, USER, "");
    }

    /** Drops a database made by {@link #createPostgres}, ending the connections still open on it. */
    public static void drop(TestDatabase database) {
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Skips the calling test when PostgreSQL is unreachable, or fails it under {@code CI=true}. */
    public static void requirePostgres() {
        String reason = unreachableReason();
        if (reason == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true and " + reason);
        }
        Assumptions.abort(reason + " (the PostgreSQL tests are skipped; under CI=true they fail)");
    }

    private static String unreachableReason() {
        if (!probed) {
            synchronized (Databases.class) {
                if (!probed) {
                    DriverManager.setLoginTimeout(5);
                    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "")) {
                        unreachable = null;
                    } catch (SQLException e) {
                        unreachable = "PostgreSQL is unreachable at " + SERVER + " as user " + USER + ": " + e.getMessage();
                    }
                    probed = true;
                }
            }
        }
        return unreachable;
    }

    /** Makes the invocation's database before each test, hands it out, and removes it after. */
    private static final class Provision implements BeforeEachCallback, ParameterResolver {

        private final TestDatabase.Kind kind;

        Provision(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            TestDatabase database;
            ExtensionContext.Store.CloseableResource cleanup;
            if (kind == TestDatabase.Kind.POSTGRESQL) {
                TestDatabase pg = createPostgres();
                database = pg;
                cleanup = () -> drop(pg);
            } else {
                Path folder = Files.createTempDirectory("h2-test");
                database = new TestDatabase(TestDatabase.Kind.H2, Database.embeddedUrl(folder), "sa", "");
                cleanup = () -> deleteTree(folder);
            }
            context.getStore(NAMESPACE).put("cleanup", cleanup);
            context.getStore(NAMESPACE).put("database", database);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE).get("database", TestDatabase.class);
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
