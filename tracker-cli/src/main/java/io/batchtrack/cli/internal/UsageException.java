package io.batchtrack.cli.internal;

/** Arguments the command line refuses (exit status 2); the message names the bad value and the rule. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, false, false); // the user's mistake, not a fault: no stack trace
    }
}
