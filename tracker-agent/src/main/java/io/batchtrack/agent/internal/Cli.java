package io.batchtrack.agent.internal;

import io.batchtrack.cli.BatchtrackCli;
import io.batchtrack.cli.Program;
import io.batchtrack.config.TrackerConfig;

/**
 * {@code java -jar tracker-agent.jar VERB ...}: tracker-cli's command line, bundled, run as
 * {@link Program#AGENT} with the configuration the agent reads ({@code -Dbatchtrack.jdbc.url=...},
 * {@code BATCHTRACK_JDBC_URL}, ...). Runs in a class loader that sees the agent jar and the
 * extracted api jar (see {@code BatchtrackAgent.main}), so it needs no installed agent.
 */
public final class Cli {
    private Cli() {}

    /** @return the process exit status */
    public static int run(String[] args) {
        return BatchtrackCli.run(Program.AGENT, args, TrackerConfig.fromEnvironment(), System.out, System.err);
    }
}
