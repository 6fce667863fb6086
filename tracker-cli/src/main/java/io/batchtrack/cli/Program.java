package io.batchtrack.cli;

import java.util.List;

/**
 * How the command line was started, for its usage and {@code version}: as {@code batchtrack}
 * (tracker-cli's jar) or as {@code java -jar tracker-agent.jar}.
 *
 * @param invocation what the usage line shows before the verb
 * @param product what {@code version} prints before the version
 * @param notes lines that end the usage
 */
public record Program(String invocation, String product, List<String> notes) {
    /** tracker-cli's own jar. */
    public static final Program BATCHTRACK = new Program("batchtrack", "batchtrack", List.of());
    /** The agent jar, which bundles the command line. */
    public static final Program AGENT = new Program("java -jar tracker-agent.jar", "batchtrack agent",
            List.of("As an agent: java -javaagent:tracker-agent.jar[=key=value,...] -jar your-batch.jar"));

    public Program {
        notes = List.copyOf(notes);
    }
}
