package io.batchtrack.jdbi.internal;

import io.batchtrack.internal.Log;
import io.batchtrack.spi.ReadinessProbe;
import java.lang.ref.SoftReference;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The builder's probe, else the first {@link ReadinessProbe} service of the class loader that asks:
 * the builder's {@code probeClassLoader}, else the thread's context class loader, which the engine
 * sets to the tracked code's own while it refreshes a run's week. Each loader is asked once; the
 * answer is kept per loader, weakly (a web application's loader stays collectable: an empty
 * answer holds nothing, a found probe is held softly and looked up again if it was collected).
 */
public final class ProbeLookup implements Supplier<ReadinessProbe> {
    private static final Object NONE = new Object();
    private final ReadinessProbe configured;
    private final ClassLoader loader;
    private final Map<ClassLoader, Object> found = new WeakHashMap<>(); // guarded by itself

    /** @param probe the builder's probe, or null; @param loader where to look for one, or null */
    public ProbeLookup(ReadinessProbe probe, ClassLoader loader) {
        this.configured = probe;
        this.loader = loader;
    }

    @Override
    public ReadinessProbe get() {
        if (configured != null) {
            return configured;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader cl = loader != null ? loader
                : context != null ? context : ProbeLookup.class.getClassLoader(); // the store's own jar
        synchronized (found) {
            Object known = found.get(cl);
            if (known == NONE) {
                return null;
            }
            ReadinessProbe probe = known == null ? null
                    : ((SoftReference<?>) known).get() instanceof ReadinessProbe p ? p : null;
            if (probe == null) {
                probe = discover(cl);
                found.put(cl, probe == null ? NONE : new SoftReference<>(probe));
            }
            return probe;
        }
    }

    private static ReadinessProbe discover(ClassLoader cl) {
        Iterator<ReadinessProbe> services = ServiceLoader.load(ReadinessProbe.class, cl).iterator();
        if (!services.hasNext()) {
            return null;
        }
        ReadinessProbe first = services.next();
        if (services.hasNext()) {
            Log.warn("batchtrack found more than one ReadinessProbe service; using " + first.getClass().getName()
                    + " and ignoring " + services.next().getClass().getName());
        }
        return first;
    }
}
