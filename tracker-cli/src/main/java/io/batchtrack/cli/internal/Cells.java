package io.batchtrack.cli.internal;

import io.batchtrack.Period;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the tables show a value: times in UTC to the second, weeks as {@code 2025/reg/17}. */
final class Cells {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Cells() {}

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    static String period(Period p) {
        return p.seasonYear() + "/" + p.seasonType().code() + "/" + p.week();
    }

    static String yesNo(boolean v) {
        return v ? "yes" : "no";
    }
}
