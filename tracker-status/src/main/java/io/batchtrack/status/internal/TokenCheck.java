package io.batchtrack.status.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks the {@code Authorization} header against the configured token in constant time: both
 * sides are hashed and the digests compared with {@link MessageDigest#isEqual}, so neither the
 * content nor the length of the token leaks through timing. Accepts {@code Bearer <token>} and,
 * so that a browser can open the page with its own login prompt, {@code Basic} with the token as
 * the password (any user name). Keeps only the digest, never the token.
 */
public final class TokenCheck {
    /** The challenges of a 401: Bearer for programs, Basic so that a browser asks for the token. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"batchtrack\"";
    public static final String BASIC_CHALLENGE = "Basic realm=\"batchtrack\", charset=\"UTF-8\"";

    private final byte[] expected;

    public TokenCheck(String token) {
        this.expected = sha256(token);
    }

    /** Whether the header carries the token. */
    public boolean accepts(String authorization) {
        String presented = presented(authorization);
        // hash even when nothing usable was presented, so the answer takes the same time either way
        byte[] actual = sha256(presented == null ? "" : presented);
        return MessageDigest.isEqual(actual, expected) && presented != null;
    }

    private static String presented(String authorization) {
        if (authorization == null) {
            return null;
        }
        String h = authorization.strip();
        if (regionIs(h, "Bearer ")) {
            return h.substring(7).strip();
        }
        if (regionIs(h, "Basic ")) {
            try {
                String userAndPassword = new String(Base64.getDecoder().decode(h.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = userAndPassword.indexOf(':');
                return colon < 0 ? null : userAndPassword.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean regionIs(String h, String scheme) {
        return h.regionMatches(true, 0, scheme, 0, scheme.length());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
