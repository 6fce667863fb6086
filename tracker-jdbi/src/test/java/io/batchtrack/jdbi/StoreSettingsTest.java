package io.batchtrack.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store's keys, read and checked in one place (ConfigurationTest covers each refusal through fromConfig). */
class StoreSettingsTest {
    private static final String PASSWORD = "pw-9fQ!never-printed";

    @Test
    void unsetKeysTakeTheDocumentedDefaults() {
        StoreSettings s = StoreSettings.from(TrackerConfig.of(Map.of("jdbc.url", "jdbc:postgresql://db:5432/nfl")));

        assertThat(s.schema()).isEqualTo("public");
        assertThat(s.poolSize()).isEqualTo(4);
        assertThat(s.connectionTimeoutMs()).isEqualTo(5_000);
        assertThat(s.migrateOnStart()).isTrue();
        assertThat(s.user()).isEmpty();
        assertThat(s.gamesSql()).isEmpty();
        assertThat(s.predictionsSql()).isEmpty();
    }

    @Test
    void everyKeyIsReadAndTheUrlsParametersAndThePasswordAreNeverShown() {
        StoreSettings s = StoreSettings.from(TrackerConfig.of(Map.of(), Map.of(
                "BATCHTRACK_JDBC_URL", "jdbc:postgresql://db:5432/nfl?ssl=true",
                "BATCHTRACK_JDBC_USER", "batch", "BATCHTRACK_JDBC_PASSWORD", PASSWORD,
                "BATCHTRACK_JDBC_POOL_SIZE", "7", "BATCHTRACK_JDBC_CONNECTION_TIMEOUT_MS", "900",
                "BATCHTRACK_SCHEMA", "ops", "BATCHTRACK_MIGRATE_ON_START", "false",
                "BATCHTRACK_READINESS_GAMES_SQL", "SELECT 16", "BATCHTRACK_READINESS_PREDICTIONS_SQL", "SELECT 200")));

        assertThat(s.user()).contains("batch");
        assertThat(s.poolSize()).isEqualTo(7);
        assertThat(s.connectionTimeoutMs()).isEqualTo(900);
        assertThat(s.schema()).isEqualTo("ops");
        assertThat(s.migrateOnStart()).isFalse();
        assertThat(s.gamesSql()).contains("SELECT 16");
        assertThat(s.predictionsSql()).contains("SELECT 200");
        assertThat(s.redactedUrl()).isEqualTo("jdbc:postgresql://db:5432/nfl?…");
        assertThat(s.toString()).contains("password=set").doesNotContain(PASSWORD).doesNotContain("ssl=true");
    }

    @Test
    void aPasswordInTheUrlIsRefusedNamingTheKeyWithoutRepeatingIt() {
        assertThatThrownBy(() -> StoreSettings.from(TrackerConfig.of(Map.of("jdbc.url",
                "jdbc:postgresql://db/nfl?password=" + PASSWORD))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jdbc.url").hasMessageNotContaining(PASSWORD);
    }
}
