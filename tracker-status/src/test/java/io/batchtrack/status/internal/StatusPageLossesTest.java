package io.batchtrack.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.Period;
import io.batchtrack.jdbi.LostRecords;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusPageLossesTest {
    private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");
    private static final List<LostRecords> LOSSES = List.of(
            new LostRecords("batch-<host>", 4242, T, "store-finish", 3, T, T.plusSeconds(60)),
            new LostRecords("batch-<host>", 4242, T, "spool-full", 2, T, T.plusSeconds(60)));

    @Test
    void thePageShowsLostRecordsFirstWithTheirTotalAndEachKindEscaped() {
        String page = StatusPage.render(T, Period.regular(2025, 17), null, List.of(), Map.of(), 50, LOSSES).whole();

        assertThat(page).contains("<section id=\"losses\">").contains("Lost records: <span class=\"num\">5</span>")
                .contains("<td>batch-&lt;host&gt;</td><td class=\"num\">4242</td><td>store-finish</td><td class=\"num\">3</td>")
                .doesNotContain("batch-<host>");
        assertThat(page.indexOf("id=\"losses\"")).isLessThan(page.indexOf("id=\"readiness\""));
        assertThat(StatusPage.render(T, Period.regular(2025, 17), null, List.of(), Map.of(), 50, List.of()).whole())
                .doesNotContain("id=\"losses\"");
    }

    @Test
    void theJsonListsEachRow() {
        assertThat(StatusJson.losses(LOSSES)).isEqualTo("{\"losses\":[{\"host\":\"batch-<host>\",\"pid\":4242,"
                + "\"process_started_at\":\"2026-01-05T10:00:00Z\",\"kind\":\"store-finish\",\"lost\":3,"
                + "\"first_reported_at\":\"2026-01-05T10:00:00Z\",\"reported_at\":\"2026-01-05T10:01:00Z\"},"
                + "{\"host\":\"batch-<host>\",\"pid\":4242,\"process_started_at\":\"2026-01-05T10:00:00Z\","
                + "\"kind\":\"spool-full\",\"lost\":2,\"first_reported_at\":\"2026-01-05T10:00:00Z\","
                + "\"reported_at\":\"2026-01-05T10:01:00Z\"}]}");
    }
}
