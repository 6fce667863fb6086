package io.batchtrack.agent.internal;

import java.io.PrintStream;

/**
 * {@code java -jar tracker-agent.jar COMMAND}: commands that need no application. Runs in a class
 * loader that sees the agent jar and the extracted api jar (see {@code BatchtrackAgent.main}); store
 * commands (migrate, ...) belong here once the jdbi store is bundled.
 */
public final class Cli {
    private Cli() {}

    /** @return the process exit status */
    public static int run(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "version":
                System.out.println("batchtrack agent " + version());
                return 0;
            case "help":
            case "--help":
                usage(System.out);
                return 0;
            default:
                System.err.println("unknown command '" + command + "'");
                usage(System.err);
                return 2;
        }
    }

    static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar tracker-agent.jar COMMAND");
        out.println("  version   print the agent's version");
        out.println("  help      print this text");
        out.println("As an agent: java -javaagent:tracker-agent.jar[=key=value,...] -jar your-batch.jar");
    }
}
