package io.batchtrack.agent.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code enabled} as the configuration would, from the system property, the agent's arguments and
 * the environment, without building the configuration: a JVM started with {@code enabled=false} then
 * loads almost nothing of batchtrack (the configuration's first use links lambdas and reads files, some
 * milliseconds). Only a clear {@code false} from one of those three sources counts; anything else (a
 * configuration file named, a value that is neither {@code true} nor {@code false}) is left to the
 * configuration, which reads the file and reports bad values as usual.
 */
final class AgentSwitch {
    private AgentSwitch() {}

    /** True when {@code enabled} is certainly {@code false}. */
    static boolean certainlyOff(Map<String, String> arguments) {
        if (named("config-file", arguments)) {
            return false;
        }
        String v = value("enabled", arguments);
        return v != null && v.trim().toLowerCase(Locale.ROOT).equals("false");
    }

    private static boolean named(String key, Map<String, String> arguments) {
        return value(key, arguments) != null;
    }

    /** The first non-blank value of {@code key}: system property, agent argument, environment variable. */
    private static String value(String key, Map<String, String> arguments) {
        String v = System.getProperty("batchtrack." + key);
        if (blank(v)) {
            v = arguments.get(key);
        }
        if (blank(v)) {
            v = System.getenv("BATCHTRACK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return blank(v) ? null : v;
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }
}
