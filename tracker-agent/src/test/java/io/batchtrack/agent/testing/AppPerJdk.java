package io.batchtrack.agent.testing;

import io.batchtrack.testsupport.PostgresDatabase;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * One forked run of a test application per JDK, made at the first test that asks for it and shared
 * by the class's other tests (forking is what costs), each JDK's rows in a schema of its own.
 *
 * <pre>{@code
 * private static final AppPerJdk APP = new AppPerJdk("java", (db, jdk) -> db.configure(Forked.app(jdk,
 *         "app.pgjobs.Main", TestApps.jar("pgjobs", 17)), "trigger=agent_it").run());
 *
 * @BeforeAll
 * static void database(PostgresDatabase db) { APP.use(db); }
 * }</pre>
 */
public final class AppPerJdk {
    private final String schemaPrefix;
    private final BiFunction<Database, Jdk, AppRun> start;
    private final Map<Jdk, AppRun> runs = new ConcurrentHashMap<>();
    private volatile PostgresDatabase database;

    /** @param start forks the application on a JDK against its schema and waits for it to end */
    public AppPerJdk(String schemaPrefix, BiFunction<Database, Jdk, AppRun> start) {
        this.schemaPrefix = Objects.requireNonNull(schemaPrefix, "schemaPrefix");
        this.start = Objects.requireNonNull(start, "start");
    }

    /** The database of the test class ({@code @BeforeAll}). */
    public void use(PostgresDatabase db) {
        this.database = db;
    }

    /** The JDK's schema, {@code <prefix><feature>}. */
    public Database db(Jdk jdk) {
        return new Database(Objects.requireNonNull(database, "use(db) first"), schemaPrefix + jdk.feature());
    }

    /** The JDK's run: forked at the first call, the same afterwards. */
    public AppRun run(Jdk jdk) {
        return runs.computeIfAbsent(jdk, j -> start.apply(db(j), j));
    }
}
