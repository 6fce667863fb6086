package io.batchtrack.cli.internal;

import io.batchtrack.cli.Program;
import io.batchtrack.config.TrackerConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/** Parses a verb's options, then runs it. */
public final class Invocations {
    private Invocations() {}

    /**
     * @param clock the moment {@code check} evaluates at (the system clock; tests fix it)
     * @throws UsageException for options the verb refuses (before anything connects)
     * @throws Exception whatever the verb failed with
     */
    public static int run(Command command, List<String> args, TrackerConfig config, PrintStream out, Program program,
            Runnable serving, Clock clock) throws Exception {
        Options options = Options.parse(command, args);
        return command.action().run(new Invocation(command, options, config, out, program, serving, clock));
    }
}
