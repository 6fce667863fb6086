package io.batchtrack.status.internal;

/** HTML escaping of text and attribute values; every value from the database goes through it. */
final class Html {
    private Html() {}

    static StringBuilder text(StringBuilder b, String s) {
        if (s == null) {
            return b;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default:
                    // other controls never belong in a page (stored text is already NUL-free)
                    b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return b;
    }

    static String escape(String s) {
        return text(new StringBuilder(s == null ? 0 : s.length() + 16), s).toString();
    }
}
