package io.batchtrack.agent.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's arguments, {@code -javaagent:tracker-agent.jar=key=value,key=value}: configuration keys
 * without the {@code batchtrack.} prefix. Keys and values are trimmed; a value may contain {@code =}
 * but not {@code ,} (give such a value as a system property or environment variable instead).
 *
 * @param values the well-formed pairs, in order; a repeated key keeps its last value
 * @param problems one message per malformed item, naming it
 */
public record AgentArguments(Map<String, String> values, List<String> problems) {

    public AgentArguments {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    public static AgentArguments parse(String arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (arguments == null || arguments.isBlank()) {
            return new AgentArguments(values, problems);
        }
        for (String item : arguments.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            String key = (eq < 0 ? item : item.substring(0, eq)).trim();
            if (eq < 0 || key.isEmpty()) {
                // the item is not echoed whole: it might be a secret typed in the wrong place
                problems.add("batchtrack agent argument '" + (key.isEmpty() ? "(empty key)" : key)
                        + "' is ignored: expected key=value");
                continue;
            }
            values.put(key.startsWith("batchtrack.") ? key.substring("batchtrack.".length()) : key,
                    item.substring(eq + 1).trim());
        }
        return new AgentArguments(values, problems);
    }
}
