package io.batchtrack.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void replacesTheDatabaseAndKeepsHostsAndParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db1:5432,db2:5433/app?ssl=true&x=1", "bt_a"))
                .isEqualTo("jdbc:postgresql://db1:5432,db2:5433/bt_a?ssl=true&x=1");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://localhost", "bt_a")).isEqualTo("jdbc:postgresql://localhost/bt_a");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql:app", "bt_a")).isEqualTo("jdbc:postgresql:bt_a");
    }

    @Test
    void readsTheDatabaseOfAUrl() {
        assertThat(JdbcUrls.databaseOf("jdbc:postgresql://h/app?x=1")).isEqualTo("app");
        assertThat(JdbcUrls.databaseOf("jdbc:postgresql://h")).isEqualTo("postgres");
    }

    @Test
    void refusesOtherUrls() {
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://h/app", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void databaseNamesAreSafeAndBounded() {
        String name = PostgresServer.databaseName("Some Test$Class_with-a-very-long-name-indeed-yes-it-is-long", 12345, 0xABCDEF);
        assertThat(name).matches("[a-z_][a-z0-9_]{0,62}").endsWith("_12345_abcdef");
    }
}
