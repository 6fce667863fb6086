package io.batchtrack.spring.boot;

import io.batchtrack.config.TrackerConfig;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The engine's configuration in a Spring application: every {@code batchtrack.*} entry of Spring's
 * environment ({@code application.yml}, profiles, command line) as the keys of README's table, below
 * system properties and above environment variables and {@code config-file}, the precedence the
 * agent's arguments have. So every key keeps its meaning and its checks, and a secret given as a
 * Spring property is refused naming the key, as a system property would be.
 */
final class SpringTrackerConfig {
    private SpringTrackerConfig() {}

    static TrackerConfig from(Environment environment) {
        Map<String, String> keys = new java.util.LinkedHashMap<>(Binder.get(environment)
                .bind("batchtrack", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        keys.remove("enabled"); // the starter's own switch, not an engine key
        return TrackerConfig.fromEnvironment(keys);
    }
}
