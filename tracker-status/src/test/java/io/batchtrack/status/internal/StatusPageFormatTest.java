package io.batchtrack.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.Period;
import io.batchtrack.SeasonType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusPageFormatTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0 | 0 ms", "850 | 850 ms", "1000 | 1.0 s", "12345 | 12.3 s",
            "59949 | 59.9 s", "59999 | 0 min 59 s", "60000 | 1 min 00 s", "245000 | 4 min 05 s",
            "3599999 | 59 min 59 s", "7380000 | 2 h 03 min", "-5 | —"})
    void durationsReadLikeAPersonWouldSayThem(long ms, String text) {
        assertThat(StatusPage.duration(ms)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2025 | 17 | REG | 2025 week 17", "2025 | 0 | PRE | 2025 preseason week 0",
            "2024 | 4 | POST | 2024 postseason week 4"})
    void weeksReadLikeTheLeagueSaysThem(int year, int week, SeasonType type, String text) {
        assertThat(StatusPage.describe(new Period(year, week, type))).isEqualTo(text);
    }
}
