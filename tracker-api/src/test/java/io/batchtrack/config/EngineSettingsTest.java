package io.batchtrack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.Trigger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's keys: read, defaulted and checked in one place, for configuration and builder alike. */
class EngineSettingsTest {

    private static EngineSettings from(Map<String, String> keys) {
        return EngineSettings.from(TrackerConfig.of(keys));
    }

    @Test
    void heartbeat_interval_defaults_to_thirty_seconds_and_the_stale_limit_to_three_intervals() {
        assertThat(from(Map.of()).heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(from(Map.of()).staleLimit()).isEqualTo(Duration.ofSeconds(90));
        assertThat(from(Map.of("heartbeat-interval", "2s")).staleLimit()).isEqualTo(Duration.ofSeconds(6));
        assertThat(EngineSettings.staleLimit(TrackerConfig.of(Map.of("heartbeat-interval", "2s"))))
                .isEqualTo(Duration.ofSeconds(6));
        assertThat(EngineSettings.builder().heartbeatInterval(Duration.ofSeconds(2)).build().staleLimit())
                .isEqualTo(Duration.ofSeconds(6));
        assertThat(EngineSettings.DEFAULT_STALE_LIMIT).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void a_stale_limit_not_longer_than_the_interval_is_refused_because_live_runs_would_look_dead() {
        TrackerConfig c = TrackerConfig.of(Map.of("heartbeat-interval", "10s", "stale-limit", "10s"));

        assertThatThrownBy(() -> EngineSettings.from(c)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'stale-limit'").hasMessageContaining("must be longer than the heartbeat interval");
        assertThatThrownBy(() -> EngineSettings.staleLimit(c)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'stale-limit'");
        assertThatThrownBy(() -> EngineSettings.builder().heartbeatInterval(Duration.ofSeconds(10))
                .staleLimit(Duration.ofSeconds(10)).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be longer than the heartbeat interval");
    }

    @Test
    void an_interval_outside_its_range_is_refused() {
        assertThatThrownBy(() -> from(Map.of("heartbeat-interval", "10ms")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> from(Map.of("heartbeat-interval", "2h")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> EngineSettings.builder().heartbeatInterval(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below 100 ms");
    }

    @Test
    void on_conflict_is_fail_unless_set_to_skip() {
        assertThat(from(Map.of()).onConflict()).isEqualTo(ConflictPolicy.FAIL);
        assertThat(from(Map.of("on-conflict", "SKIP")).onConflict()).isEqualTo(ConflictPolicy.SKIP);
        assertThatThrownBy(() -> from(Map.of("on-conflict", "wait")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'on-conflict'").hasMessageContaining("fail, skip");
    }

    @Test
    void continue_is_the_default_policy() {
        assertThat(EngineSettings.onStoreFailure(TrackerConfig.of(Map.of()))).isEqualTo(StoreFailurePolicy.CONTINUE);
        assertThat(from(Map.of("on-store-failure", "fail")).onStoreFailure()).isEqualTo(StoreFailurePolicy.FAIL);
        assertThat(from(Map.of("on-store-failure", "FAIL")).onStoreFailure()).isEqualTo(StoreFailurePolicy.FAIL);
        assertThatThrownBy(() -> from(Map.of("on-store-failure", "explode")))
                .hasMessage("batchtrack configuration key 'on-store-failure': 'explode' is not one of continue, fail");
    }

    @Test
    void an_explicit_trigger_overrides_the_rule() {
        assertThat(from(Map.of("trigger", "api")).trigger()).isEqualTo(Trigger.API);
        assertThatThrownBy(() -> from(Map.of("trigger", "Cron Job"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'trigger'")
                .hasMessageContaining("trigger 'Cron Job' does not match [a-z][a-z0-9_]{0,62}");
        assertThat(EngineSettings.builder().trigger(Trigger.of("nightly")).build().trigger())
                .isEqualTo(Trigger.of("nightly"));
    }

    @Test
    void caps_spool_and_exclusive_types_have_their_defaults_and_their_ranges() {
        EngineSettings defaults = from(Map.of());
        assertThat(defaults.maxWarnings()).isEqualTo(1_000);
        assertThat(defaults.maxMessageLength()).isEqualTo(2_000);
        assertThat(defaults.maxCustomMetrics()).isEqualTo(100);
        assertThat(defaults.spoolDirectory()).isEqualTo(EngineSettings.defaultSpoolDirectory());
        assertThat(defaults.spoolMaxBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(defaults.exclusiveTypes()).isEmpty();

        EngineSettings set = from(Map.of("max-warnings", "5", "max-message-length", "80", "max-custom-metrics", "0",
                "spool.dir", "none", "spool.max-mb", "2", "exclusive.types", "weekly_update, roster_refresh"));
        assertThat(set.maxWarnings()).isEqualTo(5);
        assertThat(set.maxMessageLength()).isEqualTo(80);
        assertThat(set.maxCustomMetrics()).isZero();
        assertThat(set.spoolDirectory()).isNull();
        assertThat(set.spoolMaxBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(set.exclusiveTypes()).isEqualTo(Set.of("weekly_update", "roster_refresh"));
        assertThat(from(Map.of("spool.dir", "/var/spool/bt")).spoolDirectory()).isEqualTo(Path.of("/var/spool/bt"));

        assertThatThrownBy(() -> from(Map.of("max-message-length", "79"))).hasMessageContaining("'max-message-length'");
        assertThatThrownBy(() -> from(Map.of("spool.max-mb", "0"))).hasMessageContaining("'spool.max-mb'");
        assertThatThrownBy(() -> from(Map.of("exclusive.types", "weekly update")))
                .hasMessageContaining("'exclusive.types'");
        assertThatThrownBy(() -> EngineSettings.builder().maxMessageLength(79)).hasMessageContaining("below 80");
        assertThatThrownBy(() -> EngineSettings.builder().exclusiveTypes(List.of("Weekly")))
                .hasMessageContaining("batch type 'Weekly'");
    }

    @Test
    void spool_exit_timeout_is_five_seconds_unless_set_zero_turns_the_last_hand_over_off() {
        assertThat(from(Map.of()).spoolExitTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(from(Map.of("spool.exit-timeout", "750ms")).spoolExitTimeout())
                .isEqualTo(java.time.Duration.ofMillis(750));
        assertThat(from(Map.of("spool.exit-timeout", "0s")).spoolExitTimeout()).isZero();
        assertThatThrownBy(() -> from(Map.of("spool.exit-timeout", "1h")))
                .hasMessageContaining("'spool.exit-timeout'");
        assertThatThrownBy(() -> EngineSettings.builder().spoolExitTimeout(java.time.Duration.ofSeconds(-1)))
                .hasMessageContaining("spool exit timeout");
    }

    @Test
    void an_unreadable_configuration_file_is_reported_before_any_key() {
        TrackerConfig c = TrackerConfig.of(Map.of("batchtrack.config-file", "/nonexistent/batchtrack.properties"),
                Map.of());
        assertThatThrownBy(() -> EngineSettings.from(c)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'config-file'");
    }
}
