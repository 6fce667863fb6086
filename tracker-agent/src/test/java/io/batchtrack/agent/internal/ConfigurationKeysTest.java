package io.batchtrack.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.BatchTracking;
import io.batchtrack.alerts.AlertSettings;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.jdbi.StoreSettings;
import io.batchtrack.status.StatusSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every configuration key the code reads is in README's configuration table, and every key there is
 * read. The keys are not listed by hand: each reader of configuration (the engine's, the store's, the
 * status server's, the alerts', the agent's settings, the store choice and the weaving cache) reads a configuration
 * whose system-property map records every key asked for. The agent jar bundles all of them, so this
 * module's tests see every reader.
 */
class ConfigurationKeysTest {
    @TempDir
    Path dir;

    @Test
    void theKeysTheCodeReadsAreExactlyTheKeysReadmeDocuments() throws IOException {
        Set<String> read = keysTheCodeReads();
        Set<String> documented = keysReadmeDocuments();

        assertThat(difference(read, documented)).as("keys the code reads that README's table lacks").isEmpty();
        assertThat(difference(documented, read)).as("keys README's table lists that no code reads").isEmpty();
        assertThat(read).contains("store", "jdbc.url", "status.port", "cache.dir", "enabled"); // every reader ran
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> left = new TreeSet<>(a);
        left.removeAll(b);
        return left;
    }

    private Set<String> keysTheCodeReads() {
        Set<String> asked = new TreeSet<>();
        Map<String, String> systemProperties = new HashMap<>() {
            @Override
            public String get(Object key) {
                asked.add(((String) key).substring(TrackerConfig.PREFIX.length()));
                return super.get(key);
            }
        };
        // values that take each reader down its longest path (a status port makes the token matter, ...)
        systemProperties.put("batchtrack.store", "none");
        systemProperties.put("batchtrack.jdbc.url", "jdbc:postgresql://localhost:5432/nfl");
        systemProperties.put("batchtrack.status.port", "0");
        systemProperties.put("batchtrack.cache.dir", dir.resolve("cache").toString());
        systemProperties.put("batchtrack.spool.dir", dir.resolve("spool").toString());
        TrackerConfig config = TrackerConfig.of(systemProperties, Map.of());

        EngineSettings.from(config);
        StoreSettings.from(config);
        StatusSettings.from(config);
        AlertSettings.from(config);
        AgentSettings.from(config);
        Weavers.of(config);
        BatchTracking.fromConfig(config).close(); // the store choice, and whatever else an engine reads
        return asked;
    }

    private static Set<String> keysReadmeDocuments() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Configuration\n");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("README.md has a section '## Configuration'").isNotNegative();
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
