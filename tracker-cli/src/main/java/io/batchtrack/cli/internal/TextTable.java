package io.batchtrack.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-width text table, as the demo prints {@code batch_runs}: a header, a rule of dashes,
 * the rows, then {@code (N rows)}. Columns are two spaces apart; a cell's line breaks become
 * spaces and a cell longer than {@value #MAX_WIDTH} characters is cut with an ellipsis.
 */
final class TextTable {
    static final int MAX_WIDTH = 36;

    private final List<String> headers;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    void add(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(cells.stream().map(TextTable::cell).toArray(String[]::new));
    }

    void print(PrintStream out) {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = headers.get(i).length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        out.println(line(headers.toArray(String[]::new), width));
        String[] rule = new String[width.length];
        for (int i = 0; i < width.length; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        out.println(line(rule, width));
        for (String[] row : rows) {
            out.println(line(row, width));
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    /** One cell: null as empty, line breaks as spaces, cut at {@link #MAX_WIDTH} with an ellipsis. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value.replace('\n', ' ').replace('\r', ' ');
        return v.length() <= MAX_WIDTH ? v : v.substring(0, MAX_WIDTH - 1) + "…";
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append("  ");
            }
            b.append(cells[i]).append(" ".repeat(width[i] - cells[i].length()));
        }
        return b.toString().stripTrailing();
    }
}
