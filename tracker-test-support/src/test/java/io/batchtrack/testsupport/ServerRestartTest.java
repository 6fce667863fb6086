package io.batchtrack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class ServerRestartTest {

    @Test
    void aStoppedEmbeddedServerRefusesConnectionsAndComesBackWithItsData(PostgresDatabase db, PostgresServer server)
            throws SQLException {
        assumeTrue(server.canRestart(), "only the embedded server can be restarted");
        execute(db, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");

        server.stop();
        try {
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> db.dataSource().getConnection()).isInstanceOf(SQLException.class);
        } finally {
            server.start();
        }

        assertThat(server.isRunning()).isTrue();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT x FROM kept")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void startingARunningServerChangesNothing(PostgresDatabase db, PostgresServer server) throws SQLException {
        assumeTrue(server.canRestart(), "only the embedded server can be restarted");
        server.start();
        execute(db, "SELECT 1");
    }

    @Test
    void serversThatCannotRestartSaySo() {
        PostgresServer explicit = new ExplicitServer("jdbc:postgresql://localhost:1/x", "u", "p");
        assertThat(explicit.canRestart()).isFalse();
        assertThatThrownBy(explicit::stop).isInstanceOf(UnsupportedOperationException.class);
    }

    private static void execute(PostgresDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
