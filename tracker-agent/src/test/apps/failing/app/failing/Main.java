package app.failing;

import io.batchtrack.TrackedBatch;

/**
 * (Java 8 source.) Woven methods whose store throws (store=failing): what each returned or threw,
 * whether it was the very instance thrown, and how often its body ran.
 */
public final class Main {
    private static int returningBodies;
    private static int throwingBodies;

    private Main() {}

    public static void main(String[] args) {
        try {
            System.out.println("returns.result=" + returning());
        } catch (Throwable t) {
            System.out.println("returns.threw=" + t);
        }
        System.out.println("returns.bodies=" + returningBodies);
        IllegalStateException own = new IllegalStateException("the body's own failure");
        try {
            throwing(own);
            System.out.println("throws.returned=true");
        } catch (Throwable t) {
            System.out.println("throws.same=" + (t == own));
            if (t != own) {
                System.out.println("throws.threw=" + t);
            }
        }
        System.out.println("throws.bodies=" + throwingBodies);
    }

    @TrackedBatch(type = "failing_returns")
    static int returning() {
        returningBodies++;
        awaitHeartbeatIfScripted();
        return 42;
    }

    @TrackedBatch(type = "failing_throws")
    static void throwing(IllegalStateException e) {
        throwingBodies++;
        awaitHeartbeatIfScripted();
        throw e;
    }

    /** A heartbeat fails only while a run is open: wait (up to 10 s) until the store was asked for one. */
    private static void awaitHeartbeatIfScripted() {
        if (!"heartbeat".equals(System.getProperty("batchtrack.failing.call"))) {
            return;
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.getProperty("failing.heartbeat.tried") == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10); // between two checks of the condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.clearProperty("failing.heartbeat.tried");
    }
}
