package io.batchtrack.status.internal;

import io.batchtrack.RunStatus;
import io.batchtrack.SeasonType;
import io.batchtrack.internal.Names;
import io.batchtrack.internal.Text;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The query parameters of one request, each read and checked once. An empty value counts as
 * absent (a form's "any"); unknown parameters are ignored; every refusal is a {@link BadRequest}
 * naming the parameter.
 */
public final class QueryParams {
    /** Longer query strings are refused before they are parsed. */
    static final int MAX_QUERY_LENGTH = 2_048;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    /** @param rawQuery the query as sent, still percent-encoded; null for none */
    public static QueryParams parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParams(values);
        }
        if (rawQuery.length() > MAX_QUERY_LENGTH) {
            throw new BadRequest("query", "the query string is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (values.containsKey(name)) {
                throw new BadRequest(name, "parameter " + Text.quote(name) + " is given more than once");
            }
            values.put(name, value);
        }
        return new QueryParams(values);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("query", "the query string has a malformed percent-encoding");
        }
    }

    /** The value, or null when absent or empty. */
    String raw(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** A whole number within [min, max], or null when absent. */
    public Integer integer(String name, int min, int max) {
        String v = raw(name);
        return v == null ? null : integer(name, v, min, max);
    }

    /** Parses {@code value}, a path segment or parameter called {@code name}, as a whole number within [min, max]. */
    public static int integer(String name, String value, int min, int max) {
        if (!WHOLE_NUMBER.matcher(value).matches()) {
            throw new BadRequest(name, name + " must be a whole number, got " + Text.quote(value));
        }
        long n = Long.parseLong(value); // at most 10 digits: never overflows a long
        if (n < min || n > max) {
            throw new BadRequest(name, name + " must be between " + min + " and " + max + ", got " + Text.quote(value));
        }
        return (int) n;
    }

    /** A name such as a batch type ({@code [a-z][a-z0-9_]{0,62}}), or null when absent. */
    public String name(String name) {
        String v = raw(name);
        if (v != null && !Names.isValid(v)) {
            throw new BadRequest(name, name + " must match " + Names.RULE + ", got " + Text.quote(v));
        }
        return v;
    }

    /** A run status code, or null when absent. */
    public RunStatus status(String name) {
        String v = raw(name);
        if (v == null) {
            return null;
        }
        for (RunStatus s : RunStatus.values()) {
            if (s.code().equals(v.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new BadRequest(name, name + " must be one of running, success, partial, failed, got " + Text.quote(v));
    }

    /** A season type code, or null when absent. */
    public SeasonType seasonType(String name) {
        String v = raw(name);
        if (v == null) {
            return null;
        }
        for (SeasonType t : SeasonType.values()) {
            if (t.code().equals(v.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new BadRequest(name, name + " must be one of pre, reg, post, got " + Text.quote(v));
    }
}
