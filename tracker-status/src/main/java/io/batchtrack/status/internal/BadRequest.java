package io.batchtrack.status.internal;

/** A request the server refuses with 400; the message names the parameter and never echoes more than a short, cleaned value. */
public final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public BadRequest(String parameter, String message) {
        super(message, null, false, false); // control flow, not a fault: no stack trace
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
