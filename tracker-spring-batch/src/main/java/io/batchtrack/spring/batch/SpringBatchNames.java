package io.batchtrack.spring.batch;

import java.util.Locale;

/**
 * Spring Batch's names (jobs such as {@code importUserJob}, steps such as {@code load-games}) as
 * batchtrack names, which follow {@code [a-z][a-z0-9_]{0,62}}: camel case becomes snake case, any
 * other character an underscore, a name that does not start with a letter gets a prefix, and a long
 * one is cut. Always a valid name, so an unusual job name never leaves a job untracked.
 */
final class SpringBatchNames {
    static final int MAX_LENGTH = 63;

    private SpringBatchNames() {}

    /** The batch type of a job with no mapping of its own: {@code importUserJob} is {@code import_user_job}. */
    static String batchType(String jobName) {
        return name(jobName, "job_", MAX_LENGTH);
    }

    /** A custom metric of a step: {@code load-games} and {@code _read_count} make {@code load_games_read_count}. */
    static String stepMetric(String stepName, String suffix) {
        return name(stepName, "step_", MAX_LENGTH - suffix.length()) + suffix;
    }

    private static String name(String springName, String prefix, int maxLength) {
        StringBuilder b = new StringBuilder();
        String source = springName == null ? "" : springName;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (Character.isUpperCase(c) && b.length() > 0 && i > 0 && Character.isLowerCase(source.charAt(i - 1))) {
                b.append('_');
            }
            char lower = Character.toLowerCase(c);
            boolean allowed = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
            if (allowed) {
                b.append(lower);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
                b.append('_'); // one underscore for a run of other characters
            }
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '_') {
            b.setLength(b.length() - 1);
        }
        String name = b.toString().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            name = prefix + name;
        }
        if (name.length() > maxLength) {
            name = name.substring(0, maxLength);
        }
        while (name.endsWith("_")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }
}
