package io.batchtrack.cli.internal;

import io.batchtrack.alerts.AlertRecord;
import io.batchtrack.alerts.AlertSettings;
import io.batchtrack.alerts.Alerts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code alerts [--limit N]}: the newest alerts with their delivery state; {@code alerts --test}: one
 * test message to the configured channel, and what the receiver answered (exit status 1 unless 2xx).
 */
final class AlertsVerb {
    static final String LIMIT = "--limit";
    static final String TEST = "--test";
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;
    private static final List<String> COLUMNS = List.of("detected_at", "event", "batch", "week", "state", "attempts",
            "last answer", "message");

    private AlertsVerb() {}

    static int alerts(Invocation in) throws InterruptedException {
        Database db = in.database();
        Alerts alerts = Alerts.create(db.dataSource(), db.schema(), AlertSettings.from(in.config()), Clock.systemUTC());
        if (in.options().has(TEST)) { // the channel only: a test message needs no database
            if (in.options().has(LIMIT)) {
                throw new UsageException("--test sends one message; it takes no --limit");
            }
            Alerts.TestAnswer answer = alerts.sendTest();
            String what = answer.status() == null ? "no answer: " + answer.body()
                    : "HTTP " + answer.status() + (answer.body().isBlank() ? "" : " " + answer.body());
            in.out().println((answer.delivered() ? "test message delivered: " : "test message NOT delivered: ") + what);
            return answer.delivered() ? 0 : 1;
        }
        db.requireUpToDate();
        Integer limit = in.options().integer(LIMIT);
        TextTable table = new TextTable(COLUMNS);
        for (AlertRecord a : alerts.recent(limit == null ? DEFAULT_LIMIT : limit)) {
            List<String> cells = new ArrayList<>();
            cells.add(Cells.time(a.detectedAt()));
            cells.add(a.event());
            cells.add(a.name());
            cells.add(a.period() == null ? "" : Cells.period(a.period()));
            cells.add(a.state());
            cells.add(String.valueOf(a.attempts()));
            cells.add(a.lastStatus() != null ? "HTTP " + a.lastStatus() : a.lastError() == null ? "" : a.lastError());
            cells.add(a.message());
            table.add(cells);
        }
        table.print(in.out());
        return 0;
    }
}
