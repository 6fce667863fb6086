package io.batchtrack.benchmarks;

import io.batchtrack.BatchTracker;
import io.batchtrack.BatchTracking;
import io.batchtrack.Period;
import io.batchtrack.RunSpec;
import io.batchtrack.benchmarks.woven.AjcJobs;
import io.batchtrack.spi.RunStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Item 2: one call of an empty {@code @TrackedBatch} method, each call a whole run (open, close,
 * status, two snapshots), with {@code store=none} so that no store is measured, through each front
 * door: the Java agent (a fork started with {@code -javaagent}), AspectJ compile-time weaving,
 * programmatic {@code BatchTracker.call}, and the same method untracked.
 *
 * <p>The agent's path is relative: run from the benchmarks folder (run-jmh.sh does), after the
 * script has copied the agent jar to {@code target/agent/tracker-agent.jar}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Dbatchtrack.store=none", "-Dbatchtrack.trigger=manual"})
@State(Scope.Benchmark)
public class WovenCall {
    static final Period WEEK = Period.regular(2025, 17);
    static final RunSpec SPEC = RunSpec.of("weekly_update", WEEK);

    final PlainJobs plain = new PlainJobs();
    final AjcJobs ajc = new AjcJobs();
    final AgentJobs agentWoven = new AgentJobs();

    /** Fails the trial unless its front door really tracks, and unless no store is in play. */
    @Setup(Level.Trial)
    public void check(BenchmarkParams params) {
        String name = params.getBenchmark();
        if (BatchTracking.global().store() != RunStore.NONE) {
            throw new IllegalStateException("expected store=none, got " + BatchTracking.global().store());
        }
        if (name.endsWith(".agent") && !agentWoven.probe(WEEK)) {
            throw new IllegalStateException("the agent did not weave AgentJobs: is target/agent/tracker-agent.jar there?");
        }
        if (name.endsWith(".aspectj") && !ajc.probe(WEEK)) {
            throw new IllegalStateException("AjcJobs is not woven: it must be compiled by ajc (src/ajc/java)");
        }
    }

    @Benchmark
    public int plain() {
        return plain.weeklyUpdate(WEEK);
    }

    @Benchmark
    public int programmatic() {
        return BatchTracker.call(SPEC, () -> plain.weeklyUpdate(WEEK));
    }

    @Benchmark
    public int aspectj() {
        return ajc.weeklyUpdate(WEEK);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Dbatchtrack.store=none", "-Dbatchtrack.trigger=manual",
        "-javaagent:target/agent/tracker-agent.jar", "-XX:-PrintWarnings"})
    public int agent() {
        return agentWoven.weeklyUpdate(WEEK);
    }
}
