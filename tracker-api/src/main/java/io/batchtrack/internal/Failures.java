package io.batchtrack.internal;

import io.batchtrack.spi.RunFailure;
import io.batchtrack.spi.TextLimits;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns an exception into the bounded {@link RunFailure} stored with a failed run. Never throws: an
 * exception whose {@code getMessage()}, {@code toString()} or stack cannot be read (application code
 * can override each) is described by its class name and what went wrong reading it, so that its run
 * still ends.
 */
public final class Failures {
    private static final int MAX_FRAMES = 12;

    private Failures() {}

    public static RunFailure of(Throwable t) {
        Throwable cause = unwrap(t);
        String message;
        try {
            message = cause.getMessage();
        } catch (Throwable unreadable) {
            message = unavailable(unreadable);
        }
        String stack;
        try {
            stack = stack(cause);
        } catch (Throwable unreadable) {
            stack = cause.getClass().getName() + ": stack unavailable: " + unreadable.getClass().getName();
        }
        return new RunFailure(cause.getClass().getName(),
                message == null ? null : Text.clean(message, TextLimits.ERROR_MESSAGE),
                Text.clean(stack, TextLimits.ERROR_STACK));
    }

    private static String unavailable(Throwable secondary) {
        return "message unavailable: " + secondary.getClass().getName();
    }

    /** The exception a future failed with, without the wrapper the JDK adds around it. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        try {
            while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
                c = c.getCause();
            }
        } catch (Throwable unreadable) {
            // an overridden getCause() that throws: record the wrapper reached so far
        }
        return c;
    }

    /** One line naming the exception: its {@code toString()}, or its class if that cannot be read. */
    private static String line(Throwable t) {
        try {
            return String.valueOf(t);
        } catch (Throwable unreadable) {
            return t.getClass().getName() + ": " + unavailable(unreadable);
        }
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
            b.append(line(c)).append('\n');
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
