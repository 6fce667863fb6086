package io.batchtrack.status.internal;

import io.batchtrack.alerts.AlertRecord;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The page's "Recent alerts": each alert with its delivery state (pending, delivered, undeliverable,
 * digested), attempts and the receiver's last answer. Markup in {@code alerts-section.html}; every
 * value from the database reaches the page escaped.
 */
final class AlertsSection {
    /** Alerts shown on the page. */
    static final int PAGE_ALERTS = 20;
    private static final Template TEMPLATE = Template.load(AlertsSection.class, "alerts-section.html");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private AlertsSection() {}

    /** The section, or empty markup when there is no alert. */
    static Markup render(List<AlertRecord> alerts) {
        if (alerts.isEmpty()) {
            return Markup.EMPTY;
        }
        List<Markup> rows = new ArrayList<>();
        for (AlertRecord a : alerts) {
            rows.add(TEMPLATE.fragment("alertRow").render("state", a.state(), "detected", TIME.format(a.detectedAt()),
                    "event", a.event(), "batch", a.name(), "week", a.period() == null ? "" : a.period().seasonYear() + "/"
                            + a.period().seasonType().code() + "/" + a.period().week(),
                    "style", style(a.state()), "attempts", a.attempts(), "last", last(a), "message", a.message()));
        }
        return TEMPLATE.fragment("alerts").render("count", alerts.size(), "rows", Markup.concat(rows));
    }

    /** The status badge colours: delivered green, undeliverable red, pending blue, digested grey. */
    private static String style(String state) {
        switch (state) {
            case AlertRecord.DELIVERED: return "success";
            case AlertRecord.UNDELIVERABLE: return "failed";
            case AlertRecord.PENDING: return "running";
            default: return "unknown";
        }
    }

    private static String last(AlertRecord a) {
        if (a.lastStatus() != null) {
            return "HTTP " + a.lastStatus();
        }
        return a.lastError() == null ? "" : a.lastError();
    }
}
