package io.batchtrack.status.internal;

import java.util.UUID;

/** The {@code {id}} of {@code /api/admin/batch-runs/{id}}: a UUID written out in full, nothing else. */
final class RunIds {
    static final String RULE = "a UUID of 32 hexadecimal digits in groups of 8-4-4-4-12, such as"
            + " 01a234f8-5ec6-7243-bb86-6c0b8311e5f8";

    private RunIds() {}

    /** @throws BadRequest naming {@code id} and {@link #RULE} */
    static UUID parse(String segment) {
        if (segment.length() != 36) {
            throw bad(segment);
        }
        for (int i = 0; i < 36; i++) {
            char c = segment.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                throw bad(segment);
            }
        }
        return UUID.fromString(segment);
    }

    private static BadRequest bad(String segment) {
        String shown = io.batchtrack.internal.Text.clean(segment, 60);
        return new BadRequest("id", "id '" + shown + "' is not " + RULE);
    }
}
