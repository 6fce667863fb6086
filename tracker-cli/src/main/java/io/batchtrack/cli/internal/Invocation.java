package io.batchtrack.cli.internal;

import io.batchtrack.cli.Program;
import io.batchtrack.config.TrackerConfig;
import java.io.PrintStream;
import java.time.Clock;

/**
 * What a verb runs with: its options, the configuration, the output streams, the program it was
 * invoked as, and how long {@code serve} serves.
 */
public final class Invocation {
    private final Command command;
    private final Options options;
    private final TrackerConfig config;
    private final PrintStream out;
    private final Program program;
    private final Runnable serving;
    private final Clock clock;

    Invocation(Command command, Options options, TrackerConfig config, PrintStream out, Program program,
            Runnable serving, Clock clock) {
        this.command = command;
        this.options = options;
        this.config = config;
        this.out = out;
        this.program = program;
        this.serving = serving;
        this.clock = clock;
    }

    /** The moment {@code check} evaluates at: the system clock, fixed by tests. */
    public Clock clock() {
        return clock;
    }

    public Command command() {
        return command;
    }

    public Options options() {
        return options;
    }

    public TrackerConfig config() {
        return config;
    }

    public PrintStream out() {
        return out;
    }

    public Program program() {
        return program;
    }

    /** Blocks for as long as {@code serve} should serve (until the process is stopped, or a test is done). */
    public Runnable serving() {
        return serving;
    }

    /**
     * The store's database as the configuration names it; connects on first use.
     *
     * @throws io.batchtrack.config.ConfigException naming the key that cannot be used
     */
    public Database database() {
        return Database.of(config);
    }
}
