package io.batchtrack.examples.nfl.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sample files' CSV: a header line, then comma-separated values without quoting. The data never
 * needs quoting (no value holds a comma), so a full CSV parser would be dead weight.
 */
final class Csv {
    private final String name;
    private final List<String> header;
    private final List<Row> rows;

    private Csv(String name, List<String> header, List<Row> rows) {
        this.name = name;
        this.header = header;
        this.rows = rows;
    }

    /** The rows of a class-path resource; no rows if the resource does not exist (a week without data). */
    static List<Row> resource(String path) {
        InputStream in = Csv.class.getResourceAsStream(path);
        if (in == null) {
            return List.of();
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(path, r.lines().toList()).rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static Csv parse(String name, List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(name + " has no header line");
        }
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<Row> rows = new ArrayList<>();
        Csv csv = new Csv(name, header, rows);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] values = line.split(",", -1);
            if (values.length != header.size()) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + " has " + values.length
                        + " values, the header has " + header.size());
            }
            rows.add(csv.new Row(i + 1, values));
        }
        return csv;
    }

    List<Row> rows() {
        return rows;
    }

    /** One data line; values are read by column name. */
    final class Row {
        private final int line;
        private final String[] values;

        private Row(int line, String[] values) {
            this.line = line;
            this.values = values;
        }

        String text(String column) {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException(name + " has no column '" + column + "'");
            }
            String v = values[i].trim();
            if (v.isEmpty()) {
                throw new IllegalArgumentException(name + " line " + line + ": '" + column + "' is empty");
            }
            return v;
        }

        /** The value, or null when the cell is empty. */
        String optionalText(String column) {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException(name + " has no column '" + column + "'");
            }
            String v = values[i].trim();
            return v.isEmpty() ? null : v;
        }

        int integer(String column) {
            String v = text(column);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + line + ": '" + column + "' is not an integer: "
                        + v, e);
            }
        }

        /** The integer, or null when the cell is empty. */
        Integer optionalInteger(String column) {
            return optionalText(column) == null ? null : integer(column);
        }
    }
}
