package io.batchtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.config.TrackerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The usage is made from the command table, and README's copy of it is the same text. */
class UsageTest {
    private static final String[] VERBS = {"migrate", "status", "sweep", "purge", "serve", "runs", "readiness",
        "expect", "expect-ready", "check", "watch", "alerts", "version", "help"};

    @Test
    void helpListsEveryVerbOnceAtTheStartOfALine() {
        String usage = help();

        assertThat(usage).startsWith("usage: batchtrack <command>" + System.lineSeparator());
        for (String verb : VERBS) {
            assertThat(usage.lines().filter(l -> l.startsWith("  " + verb + " ") || l.equals("  " + verb)))
                    .as(verb).hasSize(1);
        }
    }

    @Test
    void readmesCommandLineSectionShowsTheGeneratedUsage() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```\nusage: batchtrack <command>\n");
        assertThat(start).as("README.md has the usage in a fenced block").isNotNegative();
        String block = readme.substring(start + 4, readme.indexOf("\n```", start + 4));

        assertThat(block).isEqualTo(help().strip().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void versionPrintsTheProductAndTheVersion() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = BatchtrackCli.run(new String[] {"version"}, TrackerConfig.of(Map.of()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("batchtrack ");
    }

    private static String help() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(BatchtrackCli.run(new String[] {"help"}, TrackerConfig.of(Map.of()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
