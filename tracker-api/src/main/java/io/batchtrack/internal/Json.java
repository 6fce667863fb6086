package io.batchtrack.internal;

import io.batchtrack.Warning;
import java.util.List;
import java.util.Map;

/** The little JSON this library writes (metrics, warnings, log lines); no JSON library needed. */
public final class Json {
    private Json() {}

    public static StringBuilder string(StringBuilder b, String s) {
        if (s == null) {
            return b.append("null");
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case '\u0000': b.append('\uFFFD'); break; // PostgreSQL's jsonb and text cannot hold NUL
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"');
    }

    /** {@code {"name": 1, ...}} */
    public static String counters(Map<String, Long> counters) {
        StringBuilder b = new StringBuilder(16 + counters.size() * 24).append('{');
        boolean first = true;
        for (Map.Entry<String, Long> e : counters.entrySet()) {
            if (!first) {
                b.append(',');
            }
            string(b, e.getKey()).append(':').append(e.getValue());
            first = false;
        }
        return b.append('}').toString();
    }

    /** {@code [{"stage": ..., "message": ..., "at": "2025-09-07T17:00:00Z"}, ...]} */
    public static String warnings(List<Warning> warnings) {
        StringBuilder b = new StringBuilder(2 + warnings.size() * 96).append('[');
        for (int i = 0; i < warnings.size(); i++) {
            Warning w = warnings.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"stage\":");
            string(b, w.stage()).append(",\"message\":");
            string(b, w.message()).append(",\"at\":");
            string(b, w.at().toString()).append('}');
        }
        return b.append(']').toString();
    }
}
