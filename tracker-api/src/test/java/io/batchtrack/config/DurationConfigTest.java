package io.batchtrack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationConfigTest {

    @ParameterizedTest
    @CsvSource({"30, PT30S", "30s, PT30S", "1500ms, PT1.5S", "2m, PT2M", "1h, PT1H", "90d, PT2160H", "PT30S, PT30S",
        "pt1s, PT1S", "P90D, PT2160H", "' 5 s ', PT5S"})
    void durations_are_iso_8601_or_a_number_with_a_unit_seconds_by_default(String value, String expected) {
        assertThat(TrackerConfig.parseDuration("k", value)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"thirty", "30 parsecs", "-5", "P", "PT", "s", "1234567890123456789s"})
    void a_bad_duration_names_the_key(String value) {
        assertThatThrownBy(() -> TrackerConfig.parseDuration("heartbeat-interval", value))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'heartbeat-interval'");
    }

    @Test
    void heartbeat_interval_defaults_to_thirty_seconds_and_the_stale_limit_to_three_intervals() {
        TrackerConfig none = TrackerConfig.of(Map.of());
        TrackerConfig twoSeconds = TrackerConfig.of(Map.of("heartbeat-interval", "2s"));

        assertThat(none.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(none.staleLimit()).isEqualTo(Duration.ofSeconds(90));
        assertThat(twoSeconds.staleLimit()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void a_stale_limit_not_longer_than_the_interval_is_refused_because_live_runs_would_look_dead() {
        TrackerConfig c = TrackerConfig.of(Map.of("heartbeat-interval", "10s", "stale-limit", "10s"));

        assertThatThrownBy(c::staleLimit).isInstanceOf(ConfigException.class).hasMessageContaining("'stale-limit'")
                .hasMessageContaining("longer than heartbeat-interval");
    }

    @Test
    void an_interval_outside_its_range_is_refused() {
        assertThatThrownBy(TrackerConfig.of(Map.of("heartbeat-interval", "10ms"))::heartbeatInterval)
                .isInstanceOf(ConfigException.class).hasMessageContaining("outside");
        assertThatThrownBy(TrackerConfig.of(Map.of("heartbeat-interval", "2h"))::heartbeatInterval)
                .isInstanceOf(ConfigException.class).hasMessageContaining("outside");
    }

    @Test
    void on_conflict_is_fail_unless_set_to_skip() {
        assertThat(TrackerConfig.of(Map.of()).conflictPolicy()).isEqualTo(ConflictPolicy.FAIL);
        assertThat(TrackerConfig.of(Map.of("on-conflict", "SKIP")).conflictPolicy()).isEqualTo(ConflictPolicy.SKIP);
        assertThatThrownBy(TrackerConfig.of(Map.of("on-conflict", "wait"))::conflictPolicy)
                .isInstanceOf(ConfigException.class).hasMessageContaining("'on-conflict'").hasMessageContaining("fail, skip");
    }
}
