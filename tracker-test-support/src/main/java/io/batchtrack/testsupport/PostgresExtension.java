package io.batchtrack.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real PostgreSQL. The server is chosen once per JVM and shared: the JDBC URL in the
 * system property {@code batchtrack.test.jdbc-url} (with {@code .user}, {@code .password}) if set;
 * else a Testcontainers container if a Docker engine answers within 1.5 s; else embedded
 * PostgreSQL. One log line says which.
 *
 * <p>A {@link PostgresDatabase} parameter is a fresh, empty database: one per test for test
 * methods, {@code @BeforeEach}/{@code @AfterEach} methods and constructors (all three see the
 * same one), one per class for {@code @BeforeAll} methods. It is dropped when its test or class
 * ends. A {@link PostgresServer} parameter is the shared server.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class RunStoreTest {
 *     @Test
 *     void recordsARun(PostgresDatabase db) { ... db.dataSource() ... }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    /** The JVM's test server, started on first use. */
    public static PostgresServer server() {
        return Servers.shared();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PostgresDatabase.class || type == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            if (parameter.getParameter().getType() == PostgresServer.class) {
                return server();
            }
            // keyed by the context's own id: a test never inherits its class's database
            return context.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(context.getUniqueId(), id -> new Lease(create(context)), Lease.class)
                    .database;
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("no PostgreSQL for " + context.getDisplayName() + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD; // a constructor parameter belongs to its test, not its class
    }

    private static PostgresDatabase create(ExtensionContext context) {
        String hint = context.getTestClass().map(Class::getSimpleName).orElse("test")
                + context.getTestMethod().map(m -> "_" + m.getName()).orElse("");
        return server().createDatabase(hint);
    }

    /** Drops the database when JUnit closes the store of its test or class. */
    private static final class Lease implements AutoCloseable {
        final PostgresDatabase database;

        Lease(PostgresDatabase database) {
            this.database = database;
        }

        @Override
        public void close() {
            database.server().dropDatabase(database.name());
            database.server().dropRoles(database.roles());
        }
    }
}
