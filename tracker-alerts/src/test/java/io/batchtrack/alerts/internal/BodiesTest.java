package io.batchtrack.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.Period;
import io.batchtrack.alerts.AlertRecord;
import io.batchtrack.alerts.AlertSettings;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BodiesTest {
    private static final UUID RUN = UUID.fromString("019b4fcd-3c28-798b-9236-e05065a21fb7");
    private static final AlertRecord MISSED = new AlertRecord(UUID.randomUUID(), "slot.missed",
            "slot:weekly_update/full@2026-01-06T11:00:00Z", "weekly_update", "full", Period.regular(2025, 18), null,
            Instant.parse("2026-01-06T12:00:00Z"), "weekly_update/full: the slot <of> Tuesday & more was missed",
            Instant.parse("2026-01-06T12:00:30Z"), "pending", 0, null, null, null, null);

    @Test
    void theSlackBodyIsReadableTextPlusBlocksWithTheSameFactsEscapedForMrkdwn() {
        String body = Bodies.of(AlertSettings.Format.SLACK, MISSED, URI.create("https://status.example.com"));

        assertThat(body).isEqualTo("{\"text\":\"slot.missed weekly_update/full, 2025 week 18 reg: weekly_update/full:"
                + " the slot <of> Tuesday & more was missed\",\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":"
                + "\"mrkdwn\",\"text\":\"*slot.missed weekly_update/full, 2025 week 18 reg*\\nweekly_update/full: the"
                + " slot &lt;of&gt; Tuesday &amp; more was missed\"}},{\"type\":\"context\",\"elements\":[{\"type\":"
                + "\"mrkdwn\",\"text\":\"due 2026-01-06T12:00:00Z · detected 2026-01-06T12:00:30Z · <https://status"
                + ".example.com/api/admin/expectations?batch_type=weekly_update&amp;batch_mode=full|status page>\"}]}]}");
    }

    @Test
    void theJsonBodyHasTheFixedFieldsWithNullWhereTheyDoNotApply() {
        AlertRecord failed = new AlertRecord(UUID.randomUUID(), "run.failed", "run:" + RUN, "odds_sync", null,
                Period.regular(2025, 17), RUN, null, "odds_sync run failed", Instant.parse("2025-12-24T10:00:12Z"),
                "pending", 0, null, null, null, null);

        assertThat(Bodies.of(AlertSettings.Format.JSON, failed, null)).isEqualTo("{\"event\":\"run.failed\","
                + "\"batch_type\":\"odds_sync\",\"batch_mode\":null,\"season_year\":2025,\"week\":17,\"season_type\":"
                + "\"reg\",\"run_id\":\"" + RUN + "\",\"slot_due_at\":null,\"message\":\"odds_sync run failed\","
                + "\"status_url\":null,\"at\":\"2025-12-24T10:00:12Z\"}");
    }
}
