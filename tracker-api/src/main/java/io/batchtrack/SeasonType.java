package io.batchtrack;

import java.util.Locale;

/** The part of an NFL season, stored as {@code pre}, {@code reg} or {@code post}. */
public enum SeasonType {
    /** Preseason: week 0 (Hall of Fame game) to week 4 (week 3 since 2021). */
    PRE(0, 4),
    /** Regular season: weeks 1 to 18 (17 before 2021). */
    REG(1, 18),
    /** Postseason: 1 wild card, 2 divisional, 3 conference championships, 4 Super Bowl. */
    POST(1, 4);

    private final String code = name().toLowerCase(Locale.ROOT);
    private final int firstWeek;
    private final int lastWeek;

    SeasonType(int firstWeek, int lastWeek) {
        this.firstWeek = firstWeek;
        this.lastWeek = lastWeek;
    }

    /** The stored value: {@code pre}, {@code reg} or {@code post}. */
    public String code() {
        return code;
    }

    public int firstWeek() {
        return firstWeek;
    }

    public int lastWeek() {
        return lastWeek;
    }

    /**
     * Parses a code ({@code pre}, {@code reg}, {@code post}; case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the allowed codes
     */
    public static SeasonType fromCode(String code) {
        if (code != null) {
            for (SeasonType t : values()) {
                if (t.code.equalsIgnoreCase(code.trim())) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("season type '" + code + "' is not one of pre, reg, post");
    }

    @Override
    public String toString() {
        return code;
    }
}
