package io.batchtrack.cli.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One verb of the command line, one entry of {@link Commands#ALL}: its name, its usage line, the
 * options it takes and what it runs.
 *
 * @param name the verb, {@code purge}
 * @param arguments its arguments as the usage shows them, {@code --older-than P90D [--batch-size 5000]}
 * @param summary what it does, one or more lines of the usage
 * @param options every option it accepts
 * @param action what it runs
 */
public record Command(String name, String arguments, List<String> summary, List<Option> options, Action action) {

    /** What a verb runs. */
    @FunctionalInterface
    public interface Action {
        /**
         * @return the exit status: 0 done (1 is for failures, which are thrown)
         * @throws UsageException for arguments it refuses (exit status 2)
         */
        int run(Invocation invocation) throws Exception;
    }

    public Command {
        summary = List.copyOf(summary);
        options = List.copyOf(options);
    }

    /** The option called {@code name}, or null. */
    Option option(String optionName) {
        return options.stream().filter(o -> !o.isPositional() && o.name().equals(optionName)).findFirst().orElse(null);
    }

    /** The one argument given without an option name ({@code TYPE} of {@code expect TYPE}), or null. */
    Option positional() {
        return options.stream().filter(Option::isPositional).findFirst().orElse(null);
    }

    String optionNames() {
        return options.stream().map(Option::name).collect(Collectors.joining(", "));
    }

    /** {@code purge --older-than P90D [--batch-size 5000]}. */
    String synopsis() {
        return arguments.isEmpty() ? name : name + " " + arguments;
    }
}
