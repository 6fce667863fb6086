package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TriggerTest {

    @Test
    void ci_variable_means_github_actions_otherwise_manual() {
        assertThat(Trigger.detect(null, "true")).isEqualTo(Trigger.GITHUB_ACTIONS);
        assertThat(Trigger.detect(null, null)).isEqualTo(Trigger.MANUAL);
        assertThat(Trigger.detect(null, "")).isEqualTo(Trigger.MANUAL);
    }

    @Test
    void an_explicit_trigger_overrides_the_rule() {
        assertThat(Trigger.detect("api", "true")).isEqualTo(Trigger.API);
        assertThatThrownBy(() -> Trigger.detect("Cron Job", null))
                .hasMessage("trigger 'Cron Job' does not match [a-z][a-z0-9_]{0,62}");
    }
}
