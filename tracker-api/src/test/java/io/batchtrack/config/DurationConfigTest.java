package io.batchtrack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
}
