package io.batchtrack.internal;

/** Makes user text safe to store: PostgreSQL text and JSONB reject NUL and lone surrogates. */
public final class Text {
    private static final int QUOTE_LIMIT = 80;

    private Text() {}

    /**
     * Replaces NUL and unpaired surrogates with U+FFFD, and cuts the text to at most {@code limit}
     * characters (never inside a surrogate pair), marking the cut with the original length.
     */
    public static String clean(String s, int limit) {
        boolean clean = s.length() <= limit;
        for (int i = 0; clean && i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || Character.isSurrogate(c)) {
                clean = false;
            }
        }
        if (clean) {
            return s;
        }
        int end = Math.min(s.length(), limit);
        if (end < s.length() && end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        StringBuilder b = new StringBuilder(end + 48);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                b.append('\uFFFD');
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    && i + 1 < end) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        if (end < s.length()) {
            b.append("… [truncated, ").append(s.length()).append(" chars in all]");
        }
        return b.toString();
    }

    /** A short quoted rendering of a user value for an error message. */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        return "'" + clean(s, QUOTE_LIMIT) + "'";
    }
}
