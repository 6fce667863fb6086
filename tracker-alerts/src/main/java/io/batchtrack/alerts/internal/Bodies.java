package io.batchtrack.alerts.internal;

import io.batchtrack.alerts.AlertRecord;
import io.batchtrack.alerts.AlertSettings;
import io.batchtrack.internal.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The bodies a webhook receives. JSON: the fixed fields {@code event}, {@code batch_type},
 * {@code batch_mode}, {@code season_year}, {@code week}, {@code season_type}, {@code run_id},
 * {@code slot_due_at}, {@code message}, {@code status_url}, {@code at} (null where they do not apply).
 * Slack: {@code text} (what notifications show) plus blocks with the same facts.
 */
public final class Bodies {
    private Bodies() {}

    public static String of(AlertSettings.Format format, AlertRecord a, URI publicUrl) {
        return format == AlertSettings.Format.SLACK ? slack(a, publicUrl) : json(a, publicUrl);
    }

    static String json(AlertRecord a, URI publicUrl) {
        StringBuilder b = new StringBuilder(512).append('{');
        field(b, "event", a.event()).append(',');
        field(b, "batch_type", a.batchType()).append(',');
        field(b, "batch_mode", a.batchMode()).append(',');
        b.append("\"season_year\":").append(a.period() == null ? "null" : a.period().seasonYear()).append(',');
        b.append("\"week\":").append(a.period() == null ? "null" : a.period().week()).append(',');
        field(b, "season_type", a.period() == null ? null : a.period().seasonType().code()).append(',');
        field(b, "run_id", a.runId() == null ? null : a.runId().toString()).append(',');
        field(b, "slot_due_at", text(a.slotDueAt())).append(',');
        field(b, "message", a.message()).append(',');
        URI link = statusUrl(a, publicUrl);
        field(b, "status_url", link == null ? null : link.toString()).append(',');
        field(b, "at", text(a.detectedAt()));
        return b.append('}').toString();
    }

    static String slack(AlertRecord a, URI publicUrl) {
        String title = a.event() + (a.name().isEmpty() ? "" : " " + a.name())
                + (a.period() == null ? "" : ", " + a.period().seasonYear() + " week " + a.period().week() + " "
                        + a.period().seasonType().code());
        StringBuilder facts = new StringBuilder();
        if (a.runId() != null) {
            facts.append("run ").append(a.runId()).append(" · ");
        }
        if (a.slotDueAt() != null) {
            facts.append("due ").append(a.slotDueAt()).append(" · ");
        }
        facts.append("detected ").append(a.detectedAt());
        URI link = statusUrl(a, publicUrl);
        if (link != null) {
            facts.append(" · <").append(escape(link.toString())).append("|status page>");
        }
        StringBuilder b = new StringBuilder(512).append('{');
        field(b, "text", title + ": " + a.message()).append(",\"blocks\":[");
        b.append("{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",");
        field(b, "text", "*" + escape(title) + "*\n" + escape(a.message())).append("}},");
        b.append("{\"type\":\"context\",\"elements\":[{\"type\":\"mrkdwn\",");
        field(b, "text", facts.toString()).append("}]}]}");
        return b.toString();
    }

    /** A link to the run, or to the expectation's slots, on the status page; null without {@code status.public-url}. */
    static URI statusUrl(AlertRecord a, URI publicUrl) {
        if (publicUrl == null) {
            return null;
        }
        String base = publicUrl.toString();
        if (a.runId() != null && a.event().startsWith("run.")) {
            return URI.create(base + "/api/admin/batch-runs/" + a.runId());
        }
        if (a.event().startsWith("slot.") && a.batchType() != null) {
            return URI.create(base + "/api/admin/expectations?batch_type=" + encode(a.batchType())
                    + (a.batchMode() == null ? "" : "&batch_mode=" + encode(a.batchMode())));
        }
        return URI.create(base + "/");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Slack's mrkdwn gives &, < and > a meaning; text from the database is shown as it is. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        Json.string(b, name).append(':');
        return Json.string(b, value);
    }
}
