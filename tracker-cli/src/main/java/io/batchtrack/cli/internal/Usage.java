package io.batchtrack.cli.internal;

import io.batchtrack.cli.Program;
import java.util.ArrayList;
import java.util.List;

/** The usage text, made from the command table: one entry per verb, so it cannot leave one out. */
public final class Usage {
    private static final int COLUMN = 32; // where the summaries start

    private Usage() {}

    public static String of(Program program, List<Command> commands) {
        List<String> lines = new ArrayList<>();
        lines.add("usage: " + program.invocation() + " <command>");
        for (Command c : commands) {
            String synopsis = "  " + c.synopsis();
            List<String> summary = c.summary();
            if (synopsis.length() + 2 > COLUMN) {
                lines.add(synopsis);
                synopsis = "";
            }
            for (int i = 0; i < summary.size(); i++) {
                String head = i == 0 ? synopsis : "";
                lines.add(head + " ".repeat(COLUMN - head.length()) + summary.get(i));
            }
        }
        lines.add("durations: ISO-8601 (PT90S, P90D) or a number with ms, s, m, h or d");
        lines.add("configuration: BATCHTRACK_JDBC_URL, BATCHTRACK_JDBC_USER, BATCHTRACK_JDBC_PASSWORD or");
        lines.add("BATCHTRACK_JDBC_PASSWORD_FILE, BATCHTRACK_SCHEMA (default public); or -Dbatchtrack.jdbc.url=... etc.");
        lines.addAll(program.notes());
        return String.join(System.lineSeparator(), lines);
    }
}
