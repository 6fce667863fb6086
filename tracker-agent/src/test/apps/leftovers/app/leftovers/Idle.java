package app.leftovers;

import java.util.concurrent.RecursiveAction;

/** A fork/join task that does nothing; loaded by a class loader of its own in {@link NeverRun}. */
public final class Idle extends RecursiveAction {
    @Override
    protected void compute() {
        System.out.println("idle.ran=true");
    }
}
