package io.batchtrack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionTest {
    private static final Set<String> NAMES_SEEN = ConcurrentHashMap.newKeySet();

    private final PostgresDatabase injectedIntoConstructor;
    private PostgresDatabase injectedIntoBeforeEach;

    PostgresExtensionTest(PostgresDatabase db) {
        this.injectedIntoConstructor = db;
    }

    @BeforeEach
    void remember(PostgresDatabase db) {
        injectedIntoBeforeEach = db;
    }

    @RepeatedTest(3)
    void everyTestGetsItsOwnEmptyDatabase(PostgresDatabase db) throws SQLException {
        assertThat(NAMES_SEEN.add(db.name())).as("database %s handed out twice", db.name()).isTrue();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // would fail with "already exists" if a previous repetition's database were reused
            s.execute("CREATE TABLE public.marker (id int)");
            ResultSet rs = s.executeQuery("SELECT current_database()");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.name());
        }
    }

    @Test
    void constructorBeforeEachAndTestShareTheTestsDatabase(PostgresDatabase db) {
        assertThat(injectedIntoConstructor.name()).isEqualTo(db.name());
        assertThat(injectedIntoBeforeEach.name()).isEqualTo(db.name());
    }

    @Test
    void theDatabaseNameIsASafeIdentifier(PostgresDatabase db) {
        assertThat(db.name()).matches("[a-z_][a-z0-9_]{0,62}").startsWith("bt_postgresextensiontest_");
        assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql:").contains("/" + db.name());
    }

    @Test
    void theServerIsTheSameForEveryTest(PostgresDatabase db, PostgresServer server) {
        assertThat(db.server()).isSameAs(server).isSameAs(PostgresExtension.server());
    }
}
