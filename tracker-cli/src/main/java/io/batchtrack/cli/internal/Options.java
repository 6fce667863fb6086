package io.batchtrack.cli.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The options given to one verb, each read and checked once by its {@link Option}. */
public final class Options {
    private final Map<String, Object> values;
    private final Map<String, String> given;

    private Options(Map<String, Object> values, Map<String, String> given) {
        this.values = values;
        this.given = given;
    }

    /**
     * @param args the arguments after the verb
     * @throws UsageException naming an option the verb does not have, one given twice, or a missing value
     */
    static Options parse(Command command, List<String> args) {
        Map<String, Object> values = new HashMap<>();
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            Option option = command.option(arg);
            Option positional = command.positional();
            if (option == null && positional != null && !arg.startsWith("--") && !values.containsKey(positional.name())) {
                values.put(positional.name(), positional.parse().apply(arg));
                given.put(positional.name(), arg);
                continue;
            }
            if (option == null) {
                throw new UsageException(arg.startsWith("--") ? command.name() + " has no option " + arg
                        : command.name() + " takes no argument '" + arg + "'" + (command.options().isEmpty() ? ""
                                : " (options: " + command.optionNames() + ")"));
            }
            if (values.containsKey(arg)) {
                throw new UsageException(arg + " is given more than once");
            }
            if (option.isFlag()) {
                values.put(arg, Boolean.TRUE);
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(arg + " needs a value");
            }
            String value = args.get(++i);
            values.put(arg, option.parse().apply(value));
            given.put(arg, value);
        }
        return new Options(values, given);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value as typed, or null when the option is not given. */
    String given(String name) {
        return given.get(name);
    }

    /** The value, or null when the option is not given. */
    Duration duration(String name) {
        return (Duration) values.get(name);
    }

    Integer integer(String name) {
        return (Integer) values.get(name);
    }

    String text(String name) {
        return (String) values.get(name);
    }

    /** The value of an option of another kind ({@code RunStatus}, {@code SeasonType}), or null. */
    <T> T get(String name, Class<T> type) {
        return type.cast(values.get(name));
    }
}
