package io.batchtrack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The seed's rule; the {@code trigger} key that overrides it is tested with the engine's settings (EngineSettingsTest). */
class TriggerTest {

    @Test
    void ci_variable_means_github_actions_otherwise_manual() {
        assertThat(Trigger.detect("true")).isEqualTo(Trigger.GITHUB_ACTIONS);
        assertThat(Trigger.detect(null)).isEqualTo(Trigger.MANUAL);
        assertThat(Trigger.detect("")).isEqualTo(Trigger.MANUAL);
    }
}
