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
 *   <li><b>Relocated dependencies.</b> Byte Buddy and the PostgreSQL store with HikariCP, Jdbi, Flyway, the
 *       PostgreSQL driver and SLF4J live under {@code io.batchtrack.agent.shaded}, so the application keeps its
 *       own versions. Multi-release variants ({@code META-INF/versions}) are left out: shade does not relocate
 *       them and the agent jar is not multi-release, so the base classes serve every Java version.</li>
 *   <li><b>The store is relocated too, the api is not.</b> tracker-jdbi's {@code io.batchtrack.jdbi} becomes
 *       {@code io.batchtrack.agent.shaded.jdbi} (tracker-status and tracker-cli move the same way, to
 *       {@code ...shaded.status} and {@code ...shaded.cli}), and its migrations move from {@code db/batchtrack/migration} to
 *       {@code io/batchtrack/agent/shaded/jdbi/migration}: an application may bring its own tracker-jdbi (for the
 *       query API or the status pages), at another version, and both sit in the system class loader, where
 *       unrelocated copies would mix classes and Flyway would find every migration twice. The api stays
 *       {@code io.batchtrack}: it is the contract with the application, one bootstrap copy for every loader. The
 *       store's classes are in the agent jar on the system class path, whose loader delegates to the bootstrap
 *       loader, so they implement the one api's SPIs; the api's {@code ServiceLoader} (its loader is the bootstrap
 *       loader, so it searches the system class loader) finds the store through the agent jar's
 *       {@code META-INF/services}. A consequence: the bundled {@code migrate} command is reached as
 *       {@code java -jar tracker-agent.jar migrate}, not by tracker-cli's class name.</li>
 *   <li><b>The bundled driver stays out of {@code DriverManager}.</b> The agent jar has no
 *       {@code java.sql.Driver} service; the store connects through its driver directly, and the driver, which
 *       registers itself when loaded, is deregistered at once (see {@code BundledJdbcStore}). Otherwise the
 *       application's {@code DriverManager.getConnection} could be handed the relocated driver.</li>
 *   <li><b>The application's readiness probe.</b> The store looks a {@code ReadinessProbe} service up with the
 *       class loader of the woven method's declaring class (the engine makes it the context class loader
 *       while it refreshes, whichever thread ends the run), so a probe in the application's jar (and its
 *       {@code META-INF/services}) is found although the store is the agent's; the answer is kept per loader.</li>
 *   <li><b>Cheap until a class matches.</b> The transformer skips the JDK's classes and scans each other
 *       class file's bytes for {@code Lio/batchtrack/TrackedBatch;}; a class that contains it is looked up
 *       in an owner-only, HMAC-checked disk cache of woven classes, and Byte Buddy is loaded only on a miss,
 *       so a batch jar started every week weaves once. Nothing connects to a database in premain: the
 *       global engine is built from the agent's configuration when the first tracked class is woven (off
 *       the main thread) or at the first tracked call.</li>
 *   <li><b>Inlined advice over the one lifecycle.</b> Around each woven method the advice calls
 *       {@code Woven.enter} and {@code Woven.exit}, the calls every front door makes, so status rules,
 *       asynchronous results, nesting and the failure policy are those of {@code BatchTracker}. The
 *       method's {@code TrackedMethod} comes from an {@code invokedynamic} linked once per call site.</li>
 * </ul>
 */
package io.batchtrack.agent;
