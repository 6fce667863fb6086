/**
 * The Java agent: {@code java -javaagent:tracker-agent.jar[=key=value,...] -jar batch.jar} records
 * every call of a {@link io.batchtrack.TrackedBatch} method, in an unmodified jar.
 *
 * <p>Decisions, each for a reason:
 * <ul>
 *   <li><b>One api for every class loader.</b> tracker-api travels inside the agent jar as a nested jar
 *       ({@code META-INF/batchtrack/tracker-api.jar}); premain extracts it to an owner-only temporary file
 *       and appends it to the bootstrap class path before any api type is touched. Parent-first class
 *       loaders then all resolve the one bootstrap copy, including an application jar that bundles its
 *       own copy, so {@code Tracker.current()} in application code and the woven code share one
 *       thread-local. (On JDK 17, HotSpot prints one line about class data sharing on standard output
 *       when any agent does this; JDK 25 does not.)</li>
 *   <li><b>Relocated dependencies.</b> Byte Buddy (and, once bundled, the jdbi store with HikariCP, Jdbi,
 *       Flyway, the PostgreSQL driver and SLF4J) live under {@code io.batchtrack.agent.shaded}, so the
 *       application keeps its own versions.</li>
 *   <li><b>Cheap until a class matches.</b> The transformer skips the JDK's classes and scans each other
 *       class file's bytes for {@code Lio/batchtrack/TrackedBatch;}; a class that contains it is looked up
 *       in an owner-only, HMAC-checked disk cache of woven classes, and Byte Buddy is loaded only on a miss,
 *       so a batch jar started every week weaves once. Nothing connects to a database in premain: the
 *       global engine is built from the agent's configuration when the first tracked class is woven (off
 *       the main thread) or at the first tracked call.</li>
 *   <li><b>Inlined advice over the one lifecycle.</b> Around each woven method the advice calls
 *       {@code Woven.enter} and {@code Woven.exit}, the calls every front door makes, so status rules,
 *       asynchronous results, nesting and the failure policy are those of {@code BatchTracker}. The
 *       method's {@code MethodSpec} comes from an {@code invokedynamic} linked once per call site.</li>
 * </ul>
 */
package io.batchtrack.agent;
