package io.batchtrack.internal;

/**
 * Makes user text safe to store: PostgreSQL text and JSONB reject NUL and lone surrogates. The limits
 * text is cut to are {@link io.batchtrack.spi.TextLimits}.
 */
public final class Text {
    private static final int QUOTE_LIMIT = 80;
    private static final String CUT = "… [truncated, ";
    private static final String CUT_END = " chars in all]";

    private Text() {}

    /**
     * Replaces NUL and unpaired surrogates with U+FFFD, and cuts the text to at most {@code limit}
     * characters (never inside a surrogate pair), marking the cut with the original length. Text
     * that this method has already cut to {@code limit} is returned as it is, so a store that cuts
     * again to the engine's limit never cuts twice.
     */
    public static String clean(String s, int limit) {
        if (s.length() > limit && isCut(s, limit)) {
            return s;
        }
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
            b.append(CUT).append(s.length()).append(CUT_END);
        }
        return b.toString();
    }

    /** Whether {@code s} is what {@link #clean} made of a longer text: clean text of the limit, then the mark. */
    private static boolean isCut(String s, int limit) {
        int at = s.startsWith(CUT, limit) ? limit : limit > 0 && s.startsWith(CUT, limit - 1) ? limit - 1 : -1;
        if (at < 0 || !s.endsWith(CUT_END)) {
            return false;
        }
        int digitsEnd = s.length() - CUT_END.length();
        int digitsStart = at + CUT.length();
        if (digitsEnd <= digitsStart || digitsEnd - digitsStart > 10) {
            return false;
        }
        for (int i = digitsStart; i < digitsEnd; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        if (Long.parseLong(s.substring(digitsStart, digitsEnd)) <= limit) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (c == 0 || (Character.isHighSurrogate(c) && (i + 1 >= at || !Character.isLowSurrogate(s.charAt(i + 1))))
                    || (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))))) {
                return false;
            }
        }
        return true;
    }

    /** A short quoted rendering of a user value for an error message. */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        return "'" + clean(s, QUOTE_LIMIT) + "'";
    }
}
