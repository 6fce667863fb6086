package io.batchtrack.internal.engine;

import io.batchtrack.internal.Log;
import io.batchtrack.spi.DeclaredSchedule;
import io.batchtrack.spi.RunListener;
import io.batchtrack.spi.RunRecord;
import java.util.List;

/**
 * The engine's {@link RunListener}s, each call guarded: whatever a listener throws, {@link Error}s
 * included, is logged (once per listener and callback at WARNING) and reaches neither the batch,
 * nor the store, nor the other listeners. Without listeners every call is a loop over nothing.
 */
public final class Listeners {
    static final Listeners NONE = new Listeners(List.of());

    private final RunListener[] listeners;

    Listeners(List<RunListener> listeners) {
        this.listeners = listeners.toArray(new RunListener[0]);
    }

    /** Asks every listener of an opening run for its trace id; the first valid one, or null. */
    String opening(RunRecord run) {
        String traceId = null;
        for (RunListener l : listeners) {
            try {
                String named = l.runOpening(run);
                if (named != null && traceId == null) {
                    if (RunRecord.isTraceId(named)) {
                        traceId = named;
                    } else {
                        Log.warnOnce("listener:" + l.getClass().getName() + ".traceId", "batchtrack run listener " + l
                                + " named a trace id that is not 32 lowercase hex digits (not all zero), ignored: \""
                                + (named.length() > 64 ? named.substring(0, 64) + "…" : named) + "\"", null);
                    }
                }
            } catch (Throwable t) {
                failed(l, "runOpening", t);
            }
        }
        return traceId;
    }

    void started(RunRecord run) {
        for (RunListener l : listeners) {
            try {
                l.runStarted(run);
            } catch (Throwable t) {
                failed(l, "runStarted", t);
            }
        }
    }

    void progress(RunRecord run) {
        for (RunListener l : listeners) {
            try {
                l.runProgress(run);
            } catch (Throwable t) {
                failed(l, "runProgress", t);
            }
        }
    }

    void finished(RunRecord run) {
        for (RunListener l : listeners) {
            try {
                l.runFinished(run);
            } catch (Throwable t) {
                failed(l, "runFinished", t);
            }
        }
    }

    /** @return whether a listener keeps the schedule */
    boolean scheduleDeclared(DeclaredSchedule schedule) {
        boolean kept = false;
        for (RunListener l : listeners) {
            try {
                kept |= l.scheduleDeclared(schedule);
            } catch (Throwable t) {
                failed(l, "scheduleDeclared", t);
            }
        }
        return kept;
    }

    void close() {
        for (RunListener l : listeners) {
            try {
                l.close();
            } catch (Throwable t) {
                failed(l, "close", t);
            }
        }
    }

    boolean isEmpty() {
        return listeners.length == 0;
    }

    private static void failed(RunListener l, String call, Throwable t) {
        Log.warnOnce("listener:" + l.getClass().getName() + "." + call, "batchtrack run listener " + l + " failed in "
                + call + "; the batch goes on", t);
    }

    @Override
    public String toString() {
        return List.of(listeners).toString();
    }
}
