package io.batchtrack.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** status.trace-url: read from configuration, and a template that cannot make a link names the key, the value and the rule. */
class TraceUrlSettingTest {

    @Test
    void aTemplateIsReadAndNoneMeansNoLinks() {
        assertThat(options(Map.of("batchtrack.status.trace-url", " https://tempo.example/trace/{trace_id} "))
                .traceUrl()).contains("https://tempo.example/trace/{trace_id}");
        assertThat(options(Map.of()).traceUrl()).isEmpty();
    }

    @Test
    void aBadTemplateNamesTheKeyTheValueAndTheRule() {
        for (String bad : List.of("https://tempo.example/trace/", "tempo.example/trace/{trace_id}",
                "ftp://tempo.example/{trace_id}", "https://tempo.example/{traceId}/{trace_id}", "https:///{trace_id}",
                "https://tempo example/{trace_id}")) {
            assertThatThrownBy(() -> options(Map.of("batchtrack.status.trace-url", bad)), bad)
                    .isInstanceOf(ConfigException.class).hasMessageContaining("status.trace-url")
                    .hasMessageContaining("'" + bad + "' is not an absolute http:// or https:// URL with a host that"
                            + " contains {trace_id}");
        }
    }

    private static StatusServer.Options options(Map<String, String> keys) {
        Map<String, String> all = new java.util.HashMap<>(keys);
        all.put("batchtrack.status.port", "0");
        return StatusSettings.from(TrackerConfig.of(all, Map.of())).options().orElseThrow();
    }
}
