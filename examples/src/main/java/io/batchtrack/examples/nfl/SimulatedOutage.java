package io.batchtrack.examples.nfl;

/** The failure {@code --fail-step} injects: an external dependency that is down. */
public final class SimulatedOutage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedOutage(String message) {
        super(message);
    }
}
