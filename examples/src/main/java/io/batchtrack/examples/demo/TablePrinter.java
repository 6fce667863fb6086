package io.batchtrack.examples.demo;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints a result set as a fixed-width text table. A column is shown only when the result has every
 * column it is made from, so a column the store does not have is left out instead of failing.
 */
final class TablePrinter {
    static final int MAX_WIDTH = 36;

    /** Reads one cell of the current row. */
    @FunctionalInterface
    interface Cell {
        String read(ResultSet rs) throws SQLException;
    }

    /**
     * @param header the heading
     * @param sources the result's columns the cell is made from
     */
    record Column(String header, List<String> sources, Cell cell) {
        /** A column shown as it is. */
        static Column of(String name, String header) {
            return new Column(header, List.of(name), rs -> rs.getString(name));
        }
    }

    private TablePrinter() {}

    static void print(ResultSet rs, List<Column> wanted, PrintStream out) throws SQLException {
        Set<String> present = columnNames(rs);
        List<Column> columns = wanted.stream().filter(c -> present.containsAll(c.sources())).toList();
        List<String[]> rows = new ArrayList<>();
        rows.add(columns.stream().map(Column::header).toArray(String[]::new));
        while (rs.next()) {
            String[] row = new String[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = cell(columns.get(i).cell().read(rs));
            }
            rows.add(row);
        }
        int[] width = new int[columns.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            out.println(line(rows.get(r), width));
            if (r == 0) {
                String[] rule = new String[width.length];
                for (int i = 0; i < width.length; i++) {
                    rule[i] = "-".repeat(width[i]);
                }
                out.println(line(rule, width));
            }
        }
        out.println("(" + (rows.size() - 1) + (rows.size() == 2 ? " row)" : " rows)"));
    }

    static Set<String> columnNames(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Set<String> names = new HashSet<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            names.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
        }
        return names;
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
