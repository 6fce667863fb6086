package io.batchtrack.internal;

import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.TextLimits;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns an exception into the bounded {@link RunFailure} stored with a failed run. */
public final class Failures {
    private static final int MAX_FRAMES = 12;

    private Failures() {}

    public static RunFailure of(Throwable t) {
        Throwable cause = unwrap(t);
        String message = cause.getMessage();
        return new RunFailure(cause.getClass().getName(),
                message == null ? null : Text.clean(message, TextLimits.ERROR_MESSAGE),
                Text.clean(stack(cause), TextLimits.ERROR_STACK));
    }

    /** The exception a future failed with, without the wrapper the JDK adds around it. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static String stack(Throwable t) {
        StringBuilder b = new StringBuilder(1024);
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable c = t;
        boolean first = true;
        while (c != null && seen.put(c, Boolean.TRUE) == null && b.length() < TextLimits.ERROR_STACK) {
            if (!first) {
                b.append("Caused by: ");
            }
            b.append(c).append('\n');
            StackTraceElement[] frames = c.getStackTrace();
            int n = Math.min(frames.length, MAX_FRAMES);
            for (int i = 0; i < n; i++) {
                b.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > n) {
                b.append("\t... ").append(frames.length - n).append(" more\n");
            }
            first = false;
            c = c.getCause();
        }
        return b.toString();
    }
}
