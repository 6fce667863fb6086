package io.batchtrack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** max-duration and max-duration.types: read, defaulted and checked like every engine key. */
class MaxDurationSettingsTest {

    private static EngineSettings from(Map<String, String> keys) {
        return EngineSettings.from(TrackerConfig.of(keys));
    }

    @Test
    void no_limit_unless_set() {
        assertThat(from(Map.of()).maxDuration()).isEmpty();
        assertThat(from(Map.of()).maxDurationTypes()).isEmpty();
        assertThat(from(Map.of()).maxDurationOf("weekly_update")).isNull();
        assertThat(from(Map.of("max-duration", "none")).maxDuration()).isEmpty();
        assertThat(EngineSettings.defaults().maxDurationOf("weekly_update")).isNull();
    }

    @Test
    void durations_in_units_or_iso_and_a_per_type_limit_wins() {
        assertThat(from(Map.of("max-duration", "2h")).maxDuration()).contains(Duration.ofHours(2));
        assertThat(from(Map.of("max-duration", "90m")).maxDuration()).contains(Duration.ofMinutes(90));
        assertThat(from(Map.of("max-duration", "PT2H")).maxDuration()).contains(Duration.ofHours(2));

        EngineSettings s = from(Map.of("max-duration", "2h", "max-duration.types",
                "weekly_update=3h, roster_refresh=PT30M"));
        assertThat(s.maxDurationTypes()).isEqualTo(Map.of("weekly_update", Duration.ofHours(3),
                "roster_refresh", Duration.ofMinutes(30)));
        assertThat(s.maxDurationOf("roster_refresh")).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.maxDurationOf("weekly_update")).isEqualTo(Duration.ofHours(3));
        assertThat(s.maxDurationOf("prediction_generation")).isEqualTo(Duration.ofHours(2));
        assertThat(s.toBuilder().build().maxDurationOf("roster_refresh")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void bad_global_values_name_the_key_the_value_and_the_rule() {
        assertThatThrownBy(() -> from(Map.of("max-duration", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'max-duration'")
                .hasMessageContaining("'0'").hasMessageContaining("not positive");
        assertThatThrownBy(() -> from(Map.of("max-duration", "-PT1H")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'-PT1H'").hasMessageContaining("not positive");
        assertThatThrownBy(() -> from(Map.of("max-duration", "two hours")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'max-duration'")
                .hasMessageContaining("'two hours'");
    }

    @Test
    void bad_per_type_values_name_the_key_the_value_and_the_rule() {
        assertThatThrownBy(() -> from(Map.of("max-duration.types", "Weekly Update=2h")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'max-duration.types'")
                .hasMessageContaining("Weekly Update");
        assertThatThrownBy(() -> from(Map.of("max-duration.types", "weekly_update")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'max-duration.types'")
                .hasMessageContaining("'weekly_update' is not type=duration");
        assertThatThrownBy(() -> from(Map.of("max-duration.types", "weekly_update=soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'max-duration.types'")
                .hasMessageContaining("'soon'");
        assertThatThrownBy(() -> from(Map.of("max-duration.types", "weekly_update=0s")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'0s' for weekly_update is not positive");
        assertThatThrownBy(() -> from(Map.of("max-duration.types", "weekly_update=1h, weekly_update=2h")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("weekly_update is given twice");
    }

    @Test
    void the_builder_checks_the_same_rules() {
        assertThatThrownBy(() -> EngineSettings.builder().maxDuration(Duration.ZERO))
                .hasMessageContaining("max duration PT0S is not positive");
        assertThatThrownBy(() -> EngineSettings.builder().maxDurationTypes(Map.of("Weekly", Duration.ofHours(1))))
                .hasMessageContaining("batch type 'Weekly'");
        assertThat(EngineSettings.builder().maxDuration(null).build().maxDuration()).isEmpty();
    }
}
