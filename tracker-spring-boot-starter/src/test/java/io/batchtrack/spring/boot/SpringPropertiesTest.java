package io.batchtrack.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.batchtrack.config.TrackerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Every key of README's configuration table is a {@code batchtrack.*} Spring property that reaches the
 * engine's configuration under the same name (so it keeps the table's meaning and checks); the secrets
 * are refused as properties, as they are as system properties; the configuration processor wrote the
 * metadata of the keys the properties class spells out.
 */
class SpringPropertiesTest {
    private static final Set<String> SECRETS = Set.of("jdbc.password", "status.token", "alerts.webhook.url");

    @Test
    void every_key_of_readmes_table_reaches_the_engine_under_its_name() throws IOException {
        Set<String> keys = readmeKeys();
        assertThat(keys).contains("max-warnings", "spool.dir", "jdbc.url", "max-duration.types", "status.trace-url");
        MockEnvironment environment = new MockEnvironment();
        int i = 0;
        for (String key : keys) {
            if (!SECRETS.contains(key)) {
                environment.setProperty("batchtrack." + key, "value-" + i++);
            }
        }

        TrackerConfig config = SpringTrackerConfig.from(environment);

        i = 0;
        for (String key : keys) {
            if (!SECRETS.contains(key) && !key.equals("enabled")) {
                assertThat(config.get(key)).as(key).hasValue("value-" + i);
            }
            if (!SECRETS.contains(key)) {
                i++;
            }
        }
    }

    @Test
    void a_secret_given_as_a_property_is_refused_naming_its_key() {
        MockEnvironment environment = new MockEnvironment().withProperty("batchtrack.jdbc.password", "hunter2-hunter2");

        assertThatThrownBy(() -> SpringTrackerConfig.from(environment).secret("jdbc.password"))
                .hasMessageContaining("jdbc.password").hasMessageNotContaining("hunter2");
    }

    @Test
    void the_metadata_describes_the_keys_for_ide_completion() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(metadata).contains("\"batchtrack.max-warnings\"", "\"batchtrack.on-store-failure\"",
                "\"batchtrack.jdbc.url\"", "\"batchtrack.spool.dir\"", "\"batchtrack.exclusive.types\"",
                "\"batchtrack.status.path\"", "Warnings kept per run.");
    }

    /** The first column's keys of the table in README's section "## Configuration". */
    private static Set<String> readmeKeys() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Configuration\n");
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> keys = new TreeSet<>();
        Matcher key = Pattern.compile("`([a-z][a-z0-9.-]*)`").matcher("");
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("| `")) {
                key.reset(line.substring(1, line.indexOf('|', 1)));
                while (key.find()) {
                    keys.add(key.group(1));
                }
            }
        }
        return keys;
    }
}
