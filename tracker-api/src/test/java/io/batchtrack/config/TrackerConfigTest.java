package io.batchtrack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerConfigTest {

    @Test
    void system_property_wins_over_environment() {
        TrackerConfig c = TrackerConfig.of(Map.of("batchtrack.jdbc.url", "jdbc:postgresql://a/db"),
                Map.of("BATCHTRACK_JDBC_URL", "jdbc:postgresql://b/db", "BATCHTRACK_SCHEMA", "tracking"));
        assertThat(c.get("jdbc.url")).contains("jdbc:postgresql://a/db");
        assertThat(c.get("schema")).contains("tracking");
        assertThat(c.get("store")).isEmpty();
    }

    @Test
    void environment_names_are_upper_case_with_underscores() {
        assertThat(TrackerConfig.environmentName("jdbc.password-file")).isEqualTo("BATCHTRACK_JDBC_PASSWORD_FILE");
        assertThat(TrackerConfig.environmentName("on-store-failure")).isEqualTo("BATCHTRACK_ON_STORE_FAILURE");
    }

    @Test
    void the_properties_file_is_the_last_resort(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("batchtrack.properties");
        Files.writeString(file, "schema=from_file\nbatchtrack.store=log\n");
        TrackerConfig c = TrackerConfig.of(Map.of("batchtrack.config-file", file.toString()),
                Map.of("BATCHTRACK_SCHEMA", "from_env"));
        assertThat(c.get("schema")).contains("from_env");
        assertThat(c.get("store")).contains("log");
    }

    @Test
    void the_password_comes_from_the_environment_or_a_file_only(@TempDir Path dir) throws Exception {
        assertThat(TrackerConfig.of(Map.of(), Map.of("BATCHTRACK_JDBC_PASSWORD", "s3cret")).password())
                .contains("s3cret");

        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n");
        assertThat(TrackerConfig.of(Map.of("batchtrack.jdbc.password-file", file.toString()), Map.of()).password())
                .contains("from-file");

        assertThatThrownBy(() -> TrackerConfig.of(Map.of("batchtrack.jdbc.password", "visible-in-ps"), Map.of())
                .password())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'jdbc.password'")
                .hasMessageNotContaining("visible-in-ps");
    }

    @Test
    void an_unreadable_password_file_names_the_key_not_the_content() {
        assertThatThrownBy(() -> TrackerConfig.of(Map.of("batchtrack.jdbc.password-file", "/nonexistent/pw"),
                Map.of()).password())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("batchtrack configuration key 'jdbc.password-file': cannot read '/nonexistent/pw'");
    }

    @Test
    void every_secret_follows_the_password_rules(@TempDir Path dir) throws Exception {
        assertThat(TrackerConfig.of(Map.of(), Map.of("BATCHTRACK_STATUS_TOKEN", "t0ken-from-env")).secret("status.token"))
                .contains("t0ken-from-env");
        Path file = Files.writeString(dir.resolve("token"), "t0ken-from-file\r\nsecond line\n");
        assertThat(TrackerConfig.of(Map.of("status.token-file", file.toString())).secret("status.token"))
                .contains("t0ken-from-file");
        assertThat(TrackerConfig.of(Map.of()).secret("status.token")).isEmpty();

        assertThatThrownBy(() -> TrackerConfig.of(Map.of("status.token", "visible-in-ps")).secret("status.token"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("status.token"))
                .hasMessageContaining("BATCHTRACK_STATUS_TOKEN")
                .hasMessageNotContaining("visible-in-ps");
        Path empty = Files.writeString(dir.resolve("empty"), "\nt0ken-on-line-two\n");
        assertThatThrownBy(() -> TrackerConfig.of(Map.of("status.token-file", empty.toString())).secret("status.token"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("status.token-file"))
                .hasMessageContaining("nothing on its first line")
                .hasMessageNotContaining("t0ken-on-line-two");
        assertThatThrownBy(() -> TrackerConfig.of(Map.of()).get("status.token"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret(");
    }

    @Test
    void an_unreadable_config_file_is_reported_when_checked_not_when_read() {
        TrackerConfig c = TrackerConfig.of(Map.of("batchtrack.config-file", "/nonexistent/batchtrack.properties"),
                Map.of("BATCHTRACK_STORE", "log"));
        assertThat(c.get("store")).contains("log");
        assertThatThrownBy(c::requireReadableFile)
                .hasMessage("batchtrack configuration key 'config-file': cannot read '/nonexistent/batchtrack.properties':"
                        + " NoSuchFileException");
    }

    @Test
    void bad_values_name_the_key_and_the_problem() {
        TrackerConfig c = TrackerConfig.of(Map.of("on-store-failure", "explode", "enabled", "yes", "jdbc.pool-size", "0"));
        assertThatThrownBy(() -> c.getBoolean("enabled", true))
                .hasMessage("batchtrack configuration key 'enabled': 'yes' is not true or false");
        assertThatThrownBy(() -> c.getInt("jdbc.pool-size", 4, 1, 100))
                .hasMessage("batchtrack configuration key 'jdbc.pool-size': 0 is outside 1..100");
        assertThatThrownBy(() -> c.require("jdbc.url")).hasMessageContaining("BATCHTRACK_JDBC_URL");
    }
}
