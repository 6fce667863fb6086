package io.batchtrack.cli.internal;

import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.config.ConfigException;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Names;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * One option of a verb: {@code --name VALUE}, or {@code --name} alone for a flag. Each kind reads
 * and checks its value, and a refusal names the option, the value and the rule.
 *
 * <p>Written by hand rather than with a command-line library (picocli, JCommander) on purpose: the
 * grammar is only {@code --name VALUE} and {@code --flag} (no short or bundled options, no nested
 * commands), this file and {@link Options} are under 200 lines with the usage generated from the same
 * table, and a library would be bundled, relocated and loaded inside the agent jar, which carries the
 * command line, for every application that only wants the agent.
 *
 * @param name the option as typed, {@code --older-than}
 * @param example a value shown in the usage ({@code P90D}), or null for a flag
 * @param parse the value read and checked (a flag's is {@code Boolean.TRUE})
 */
public record Option(String name, String example, Function<String, Object> parse) {

    boolean isFlag() {
        return example == null;
    }

    /** An argument without an option name before it, such as {@code TYPE} (its name does not start with --). */
    boolean isPositional() {
        return !name.startsWith("--");
    }

    /** The verb's one argument without an option name, {@code TYPE}: a batch type or similar name. */
    static Option positionalName(String name, String example) {
        Option checked = name(name, example);
        return new Option(name, example, value -> {
            if (value.startsWith("-")) {
                throw new UsageException("'" + value + "' is not an option of this verb, nor a " + name + " ("
                        + Names.RULE + ")");
            }
            return checked.parse().apply(value);
        });
    }

    /** Any text; the verb checks it (a cron expression, a time zone). */
    static Option text(String name, String example) {
        return new Option(name, example, value -> value);
    }

    /** A duration of zero or more: ISO-8601 or a number with ms, s, m, h or d; a negative one is refused by name. */
    static Option nonNegativeDuration(String name, String example) {
        return new Option(name, example, value -> {
            if (value.trim().startsWith("-")) {
                throw new UsageException(name + " " + value + " is negative: it must be zero or more (for example "
                        + example + ")");
            }
            Duration d;
            try {
                d = TrackerConfig.parseDuration(name, value);
            } catch (ConfigException e) {
                throw new UsageException(name + " '" + value + "' is not a duration (PT90S, P90D, 90s)");
            }
            if (d.isNegative()) {
                throw new UsageException(name + " " + value + " is negative: it must be zero or more (for example "
                        + example + ")");
            }
            return d;
        });
    }

    /** {@code --json}: present or not. */
    static Option flag(String name) {
        return new Option(name, null, v -> Boolean.TRUE);
    }

    /** A positive duration: ISO-8601 ({@code PT90S}, {@code P90D}) or a number with ms, s, m, h or d. */
    static Option duration(String name, String example) {
        return new Option(name, example, value -> {
            Duration d;
            try {
                d = TrackerConfig.parseDuration(name, value);
            } catch (ConfigException e) {
                throw new UsageException(name + " '" + value + "' is not a duration (PT90S, P90D, 90s)");
            }
            if (d.isNegative() || d.isZero()) {
                throw new UsageException(name + " " + value + " is not a positive duration");
            }
            return d;
        });
    }

    /** A whole number within [min, max]. */
    static Option integer(String name, String example, int min, int max) {
        return new Option(name, example, value -> {
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " '" + value + "' is not a whole number");
            }
            if (n < min || n > max) {
                throw new UsageException(name + " " + n + " is outside " + min + ".." + max);
            }
            return n;
        });
    }

    /** A batch type or similar name, {@link Names#RULE}. */
    static Option name(String name, String example) {
        return new Option(name, example, value -> {
            if (!Names.isValid(value)) {
                throw new UsageException(name + " '" + value + "' does not match " + Names.RULE);
            }
            return value;
        });
    }

    /** A run status: {@code running}, {@code success}, {@code partial}, {@code failed} or {@code skipped}. */
    static Option status(String name) {
        return new Option(name, "failed", value -> {
            try {
                return RunStatus.fromCode(value.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException(name + " '" + value + "' is not one of running, success, partial, failed,"
                        + " skipped");
            }
        });
    }

    /** A part of the season: {@code pre}, {@code reg} or {@code post}. */
    static Option seasonType(String name) {
        return new Option(name, "reg", value -> {
            try {
                return SeasonType.fromCode(value.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException(name + " '" + value + "' is not one of pre, reg, post");
            }
        });
    }
}
