package io.batchtrack.internal;

/** Validation of the names that users pass in (metrics, batch types, modes, triggers). */
public final class Names {
    /** The rule every name follows; it also keeps names safe as JSON keys and log fields. */
    public static final String RULE = "[a-z][a-z0-9_]{0,62}";
    private static final int MAX_LENGTH = 63;

    private Names() {}

    /** Whether {@code name} matches {@link #RULE}; written out by hand because it sits on a hot path. */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        char first = name.charAt(0);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** @throws IllegalArgumentException naming what, the value and the rule */
    public static String requireName(String what, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(what + " " + Text.quote(name) + " does not match " + RULE);
        }
        return name;
    }
}
